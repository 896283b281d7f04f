using Cms.Modules;

[assembly: Module("Forecasts", "Forecasts",
    Description = "Forecasts a post makes (statement, probability, resolve-by date), resolved by editors as new versions, with the public record at /forecasts: outcomes, Brier score and calibration.",
    Category = "Content",
    Dependencies = ["Contents"])]
