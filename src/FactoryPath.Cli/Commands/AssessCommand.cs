using System.CommandLine;
using System.Text.Json;
using FactoryPath.Core.Assessment;

namespace FactoryPath.Cli.Commands;

/// <summary><c>factorypath assess</c>: scores an answer file offline and prints node scores, scenes, the level and the gap.</summary>
internal static class AssessCommand
{
    public const int InvalidAnswers = 1;
    public const int UsageError = 2;

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model id, e.g. miit-sme-digital-level", Required = true };
        var version = new Option<string?>("--version") { Description = "Model version; the latest when left out" };
        var answers = new Option<string>("--answers") { Description = "Answer sheet JSON file", Required = true };
        var modelsDir = new Option<string?>("--models-dir") { Description = "Directory of model files (default: models next to the program, else ./models)" };
        var lang = new Option<string>("--lang") { Description = "Language of the report: zh or en", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");

        var command = new Command("assess", "Score an answer sheet against a model, offline") { model, version, answers, modelsDir, lang };
        command.SetAction(parse => Run(
            new AssessRequest(parse.GetValue(model)!, parse.GetValue(version), parse.GetValue(answers)!, parse.GetValue(modelsDir), parse.GetValue(lang) ?? "zh"),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(AssessRequest request, TextWriter output, TextWriter error)
    {
        var directory = request.ModelsDirectory ?? DefaultModelsDirectory();
        var (registry, loadErrors) = ModelRegistry.LoadDirectory(directory);
        var model = request.Version is null ? registry.Latest(request.ModelId) : registry.Find(request.ModelId, request.Version);
        if (model is null)
        {
            foreach (var e in loadErrors)
            {
                error.WriteLine(e.ToString());
            }

            error.WriteLine($"Model '{request.ModelId}'{(request.Version is null ? string.Empty : $" version '{request.Version}'")} not found in {directory}.");
            return UsageError;
        }

        AnswerSheetData? sheet;
        try
        {
            sheet = AssessmentJson.Deserialize<AnswerSheetData>(File.ReadAllText(request.AnswersFile));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            error.WriteLine($"{request.AnswersFile}: cannot read the answers: {e.Message}");
            return UsageError;
        }

        try
        {
            var result = Scorer.Score(model, sheet ?? new AnswerSheetData());
            ResultReport.Write(output, result, request.Language);
            return 0;
        }
        catch (InvalidAnswersException e)
        {
            foreach (var fieldError in e.Errors)
            {
                var field = fieldError.InputId is null ? fieldError.QuestionId : $"{fieldError.QuestionId}.{fieldError.InputId}";
                error.WriteLine($"{request.AnswersFile}: {field}: {fieldError.Message.For(request.Language)}");
            }

            return InvalidAnswers;
        }
    }

    internal static string DefaultModelsDirectory()
    {
        var besideProgram = Path.Combine(AppContext.BaseDirectory, "models");
        return Directory.Exists(besideProgram) ? besideProgram : Path.Combine(Directory.GetCurrentDirectory(), "models");
    }
}

internal sealed record AssessRequest(string ModelId, string? Version, string AnswersFile, string? ModelsDirectory, string Language);
