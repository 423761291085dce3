using FactoryPath.Edge.Modbus;

namespace FactoryPath.Edge.Tests.Modbus;

public sealed class MbapHeaderTests
{
    [Fact]
    public void WriteThenRead_GivesTheSameHeader()
    {
        var header = MbapHeader.For(0xBEEF, 17, pduLength: 5);
        var bytes = new byte[MbapHeader.Size];
        header.Write(bytes);

        Assert.Equal(new byte[] { 0xBE, 0xEF, 0x00, 0x00, 0x00, 0x06, 17 }, bytes);
        Assert.True(MbapHeader.TryRead(bytes, out var read, out var error), error);
        Assert.Equal(header, read);
        Assert.Equal(5, read.PduLength);
    }

    [Theory]
    [InlineData(new byte[] { 0, 1, 0, 0, 0 }, "truncated")]
    [InlineData(new byte[] { 0, 1, 0, 7, 0, 6, 1 }, "protocol id is 7")]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 1, 1 }, "length 1")]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 255, 1 }, "length 255")]
    public void TryRead_MalformedHeader_SaysWhy(byte[] bytes, string reason)
    {
        Assert.False(MbapHeader.TryRead(bytes, out _, out var error));
        Assert.Contains(reason, error);
    }
}
