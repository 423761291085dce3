using System.Net;
using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Gateways;

public enum BrokerMode { Embedded, External }

/// <summary>
/// Where gateways send their uplink, bound from "FactoryPath:Gateways": the platform's own MQTT broker (default, on
/// loopback port 1883) or an external broker the platform subscribes to as a client.
/// </summary>
public sealed class GatewayOptions
{
    public const string Section = "FactoryPath:Gateways";

    public BrokerMode Broker { get; set; } = BrokerMode.Embedded;

    /// <summary>Port of the embedded broker; 0 picks a free port (see <see cref="BrokerEndpoint"/> for the one bound).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Address the embedded broker listens on; "0.0.0.0" for every interface.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Host name gateways should connect to, shown in the connection snippet; empty means the bind address (or the external host).</summary>
    public string? PublicHost { get; set; }

    /// <summary>A gateway counts as online while its last health report is at most this many seconds old.</summary>
    public int OnlineSeconds { get; set; } = 30;

    public ExternalBrokerOptions External { get; set; } = new();
}

/// <summary>The external broker the platform subscribes to when <see cref="GatewayOptions.Broker"/> is External.</summary>
public sealed class ExternalBrokerOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 1883;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool UseTls { get; set; }
    /// <summary>The platform's client id; its session is kept (clean session off) so QoS 1 messages wait while it is down.</summary>
    public string ClientId { get; set; } = "factorypath-platform";
}

/// <summary>Checks the gateway settings at start and says exactly which key is wrong.</summary>
public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions o)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(o.Broker))
            errors.Add($"{GatewayOptions.Section}:Broker must be Embedded or External.");
        if (o.OnlineSeconds is < 1 or > 86_400)
            errors.Add($"{GatewayOptions.Section}:OnlineSeconds must be between 1 and 86400 (was {o.OnlineSeconds}).");
        if (o.Broker == BrokerMode.Embedded)
        {
            if (o.Port is < 0 or > 65_535)
                errors.Add($"{GatewayOptions.Section}:Port must be between 0 (a free port) and 65535 (was {o.Port}).");
            if (!IPAddress.TryParse(o.BindAddress, out _))
                errors.Add($"{GatewayOptions.Section}:BindAddress must be an IP address such as 127.0.0.1 or 0.0.0.0 (was '{o.BindAddress}').");
        }
        else
        {
            var x = o.External;
            if (string.IsNullOrWhiteSpace(x.Host))
                errors.Add($"{GatewayOptions.Section}:External:Host is required when {GatewayOptions.Section}:Broker is External.");
            else if (Uri.CheckHostName(x.Host.Trim()) == UriHostNameType.Unknown)
                errors.Add($"{GatewayOptions.Section}:External:Host '{x.Host}' is not a host name or IP address.");
            if (x.Port is < 1 or > 65_535)
                errors.Add($"{GatewayOptions.Section}:External:Port must be between 1 and 65535 (was {x.Port}).");
            if (string.IsNullOrWhiteSpace(x.ClientId))
                errors.Add($"{GatewayOptions.Section}:External:ClientId must not be empty.");
            if (string.IsNullOrEmpty(x.UserName) != string.IsNullOrEmpty(x.Password))
                errors.Add($"{GatewayOptions.Section}:External:UserName and External:Password are given together or not at all.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Where gateways connect: the embedded broker's bound port once it listens, or the external broker.</summary>
public sealed class BrokerEndpoint
{
    public string Host { get; internal set; } = "";
    public int Port { get; internal set; }
    public bool UseTls { get; internal set; }
    public bool Embedded { get; internal set; }
    /// <summary>True once the embedded broker listens or the external subscription is up.</summary>
    public bool Ready { get; internal set; }
}
