using CivicGrid.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Infrastructure.Problems;

/// <summary>The one place where failures become RFC 9457 problem+json, in the caller's language.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, IStringLocalizer<Text> text, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            DomainException domain => FromDomain(domain),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = text["Problem.BadRequest"],
                Detail = bad.InnerException is System.Text.Json.JsonException json ? text["Problem.MalformedJson", json.Message] : bad.Message,
            },
            DbUpdateConcurrencyException => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = text["Problem.Conflict"], Detail = text["Problem.ChangedMeanwhile"] },
            UnauthorizedAccessException => new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = text["Problem.Unauthorized"] },
            _ => null,
        };

        if (problem is null)
        {
            log.LogError(exception, "Unhandled failure on {Path}", http.Request.Path);
            return false;
        }

        http.Response.StatusCode = problem.Status!.Value;
        if (exception is DomainException { RetryAfter: { } wait })
        {
            RetryAfter(http.Response, wait);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Retry-After in whole seconds, rounded up: a page refusing with 429 says it the same way.</summary>
    public static void RetryAfter(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private ProblemDetails FromDomain(DomainException domain)
    {
        var title = domain.Status switch
        {
            StatusCodes.Status400BadRequest => text["Problem.BadRequest"],
            StatusCodes.Status403Forbidden => text["Problem.Forbidden"],
            StatusCodes.Status404NotFound => text["Problem.NotFound"],
            StatusCodes.Status409Conflict => text["Problem.Conflict"],
            StatusCodes.Status413PayloadTooLarge => text["Problem.TooLarge"],
            StatusCodes.Status422UnprocessableEntity => text["Problem.Unprocessable"],
            StatusCodes.Status429TooManyRequests => text["Problem.TooMany"],
            _ => text["Problem.Generic"],
        };

        var problem = domain.FieldErrors.Count > 0
            ? new HttpValidationProblemDetails(domain.FieldErrors.ToDictionary(
                e => e.Key,
                e => e.Value.Select(key => text[key].Value).ToArray()))
            {
                Status = domain.Status,
                Title = title,
                Detail = text.Describe(domain),
            }
            : new ProblemDetails { Status = domain.Status, Title = title, Detail = text.Describe(domain) };
        foreach (var (name, value) in domain.Extensions)
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }
}
