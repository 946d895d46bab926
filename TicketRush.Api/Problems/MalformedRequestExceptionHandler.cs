using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace TicketRush.Api.Problems;

/// <summary>
/// A request the framework could not read (unparsable JSON, a value of the wrong type or out of range, a body over the
/// size limit) answers a ProblemDetails that names the field and what it allows, instead of a bare 400.
/// </summary>
internal sealed class MalformedRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge(httpContext)
                : Describe(bad, httpContext),
            Exception = exception,
        });
    }

    private static ProblemDetails TooLarge(HttpContext httpContext)
    {
        var limit = httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        return new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "Request too large",
            Detail = limit is { } bytes ? $"A request body may be at most {bytes} bytes." : "The request body is too large.",
            Extensions = { [Problem.CodeExtension] = ProblemCodes.RequestTooLarge },
        };
    }

    private static ProblemDetails Describe(BadHttpRequestException bad, HttpContext httpContext)
    {
        if (FindJsonError(bad) is not { } json)
        {
            // The framework's own words name the parameter (e.g. a query value that is not a number) and nothing internal.
            return Invalid("request", bad.Message);
        }

        var path = json.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
        if (path is null)
        {
            return Invalid("body", "The body must be one JSON object of the documented shape.");
        }

        var allowed = FieldType(httpContext, path) is { } type ? $"{path} must be {Describe(type)}." : $"{path} has a value of the wrong type.";
        return Invalid(path, allowed);
    }

    private static ProblemDetails Invalid(string field, string message) =>
        new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid request",
            Detail = message,
            Extensions = { [Problem.CodeExtension] = ProblemCodes.InvalidRequest },
        };

    private static JsonException? FindJsonError(Exception exception)
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            if (current is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary>The type of the body field at <paramref name="path"/> (e.g. <c>waitingRoom.admitPerSecond</c>), from the endpoint's declared body type.</summary>
    private static Type? FieldType(HttpContext httpContext, string path)
    {
        // The exception handler runs with the endpoint cleared; the feature keeps the one that failed.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        var type = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        foreach (var segment in path.Split('.'))
        {
            type = type?.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
        }

        return type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(int) => string.Create(CultureInfo.InvariantCulture, $"a whole number from {int.MinValue} to {int.MaxValue}"),
        _ when type == typeof(long) => string.Create(CultureInfo.InvariantCulture, $"a whole number from {long.MinValue} to {long.MaxValue}"),
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(string) => "a string",
        _ => "a JSON object of the documented shape",
    };
}
