using Microsoft.AspNetCore.Mvc;
using Planekeeper.WebFrontend.Api;

namespace Planekeeper.Tests.Unit.Hosting;

public class ProblemCodesTests
{
    [Theory]
    [InlineData(400, "bad_request")]
    [InlineData(401, "unauthenticated")]
    [InlineData(403, "forbidden")]
    [InlineData(404, "not_found")]
    [InlineData(409, "conflict")]
    [InlineData(412, "precondition_failed")]
    [InlineData(413, "payload_too_large")]
    [InlineData(422, "validation_failed")]
    [InlineData(429, "rate_limited")]
    [InlineData(500, "internal_error")]
    [InlineData(503, "unavailable")]
    [InlineData(418, "error")]
    public void The_status_decides_when_nothing_more_specific_was_said(int status, string code)
    {
        var problem = new ProblemDetails { Status = status };
        ProblemCodes.Apply(problem);
        Assert.Equal(code, problem.Extensions["code"]);
    }

    [Fact]
    public void A_missing_action_and_a_code_already_given_win()
    {
        var missing = new ProblemDetails { Status = 403, Extensions = { ["missing_action"] = "rules:create" } };
        var locked = new ProblemDetails { Status = 429, Extensions = { ["code"] = ProblemCodes.AccountLocked } };
        ProblemCodes.Apply(missing);
        ProblemCodes.Apply(locked);
        Assert.Equal((ProblemCodes.MissingAction, ProblemCodes.AccountLocked), (missing.Extensions["code"], locked.Extensions["code"]));
    }
}
