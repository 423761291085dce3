using System.CommandLine;
using FactoryPath.Core.Assessment;

namespace FactoryPath.Cli.Commands;

/// <summary><c>factorypath models validate FILE...</c>: checks model files and prints every error as file:line:col.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("FILE") { Description = "Model files (or directories of *.yaml files) to check", Arity = ArgumentArity.OneOrMore };
        var validate = new Command("validate", "Check assessment model files; exit code 1 when any has errors") { paths };
        validate.SetAction(parse => Validate(parse.GetValue(paths) ?? [], parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));

        var models = new Command("models", "Work with assessment model files");
        models.Subcommands.Add(validate);
        return models;
    }

    internal static int Validate(IReadOnlyList<string> paths, TextWriter output, TextWriter error)
    {
        var models = new List<AssessmentModel>();
        var errors = new List<ModelError>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var (registry, directoryErrors) = ModelRegistry.LoadDirectory(path);
                models.AddRange(registry.Models);
                errors.AddRange(directoryErrors);
            }
            else
            {
                var (model, fileErrors) = ModelLoader.LoadFile(path);
                errors.AddRange(fileErrors);
                if (model is not null)
                {
                    models.Add(model);
                }
            }
        }

        foreach (var e in errors)
        {
            error.WriteLine(e.ToString());
        }

        foreach (var model in models)
        {
            var scored = model.Questions.Count - model.Scenes.Count;
            output.WriteLine($"{model.FilePath}: valid - {model.Id} {model.Version}, {scored} scored questions, {model.Scenes.Count} scenes, {model.MaxScore:0.##} points, {model.Levels.Levels.Count} levels");
        }

        if (errors.Count > 0)
        {
            error.WriteLine($"{errors.Count} error(s).");
            return 1;
        }

        return 0;
    }
}
