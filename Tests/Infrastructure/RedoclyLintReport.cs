using System.Text.Json;

namespace Planekeeper.Tests.Infrastructure;

/// <summary>The problems of one <c>redocly lint --format=json</c> run.</summary>
public sealed record RedoclyLintReport(IReadOnlyList<RedoclyLintReport.Problem> Problems)
{
    public sealed record Problem(string RuleId, string Severity, string Message, string Pointer)
    {
        public override string ToString() => $"{Severity} {RuleId} at {Pointer}: {Message}";
    }

    public IEnumerable<Problem> Errors => Problems.Where(problem => problem.Severity == "error");

    public IEnumerable<Problem> Warnings => Problems.Where(problem => problem.Severity == "warn");

    public static RedoclyLintReport Parse(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        return new([.. root.GetProperty("problems").EnumerateArray().Select(problem => new Problem(
            problem.GetProperty("ruleId").GetString()!,
            problem.GetProperty("severity").GetString()!,
            problem.GetProperty("message").GetString()!,
            problem.GetProperty("location").EnumerateArray().Select(location => location.GetProperty("pointer").GetString()).FirstOrDefault() ?? "")),
        ]);
    }
}
