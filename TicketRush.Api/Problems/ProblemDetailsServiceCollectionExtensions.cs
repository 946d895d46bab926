using System.Text.Json;
using Microsoft.Extensions.Options;

namespace TicketRush.Api.Problems;

internal static class ProblemDetailsServiceCollectionExtensions
{
    /// <summary>
    /// ProblemDetails for every error, including the framework's own (bad JSON, unknown routes, exceptions); every 503,
    /// whoever answers it, carries Retry-After, and so does a purchase still in progress.
    /// </summary>
    public static IServiceCollection AddTicketRushProblemDetails(this IServiceCollection services)
    {
        services.AddOptions<ProblemOptions>()
            .BindConfiguration(ProblemOptions.SectionName)
            .Validate(o => o.RetryAfter > TimeSpan.Zero, "Problems:RetryAfter must be positive.")
            .ValidateOnStart();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem is HttpValidationProblemDetails { Detail: null } invalid)
            {
                ReadAsOurs(invalid);
            }

            problem.Extensions.TryAdd(Problem.CodeExtension, CodeFor(problem.Status));
            problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            if (problem.Status == StatusCodes.Status503ServiceUnavailable
                || (problem.Extensions.TryGetValue(Problem.CodeExtension, out var code) && code is ProblemCodes.PurchaseInProgress))
            {
                var retryAfter = context.HttpContext.RequestServices.GetRequiredService<IOptions<ProblemOptions>>().Value.RetryAfter;
                RetryAfter.Set(context.HttpContext.Response, retryAfter);
            }
        });
        // Field rules are the request records' attributes (TicketRush.Contracts), checked before any handler runs.
        services.AddValidation();
        services.AddExceptionHandler<DependencyUnavailableExceptionHandler>();
        // Malformed input throws in every environment, so the handler can say which field is wrong and what it allows.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<MalformedRequestExceptionHandler>();
        return services;
    }

    /// <summary>
    /// A field error found by the validation of the request records reads as one from <see cref="Problem.Invalid"/>
    /// (which always sets a detail): the same title, the messages as the detail, and each field named as the JSON names
    /// it (<c>waitingRoom.admitPerSecond</c>, where validation says <c>WaitingRoom.AdmitPerSecond</c>).
    /// </summary>
    private static void ReadAsOurs(HttpValidationProblemDetails problem)
    {
        var errors = problem.Errors.ToDictionary(
            error => string.Join('.', error.Key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)),
            error => error.Value);
        problem.Errors.Clear();
        foreach (var (field, messages) in errors)
        {
            problem.Errors[field] = messages;
        }

        problem.Title = Problem.InvalidTitle;
        problem.Detail = string.Join(" ", errors.Values.SelectMany(messages => messages));
    }

    /// <summary>The code of a problem nobody named: derived from its status.</summary>
    private static string CodeFor(int? status) => status switch
    {
        StatusCodes.Status400BadRequest or StatusCodes.Status415UnsupportedMediaType => ProblemCodes.InvalidRequest,
        StatusCodes.Status401Unauthorized => ProblemCodes.Unauthorized,
        StatusCodes.Status404NotFound => ProblemCodes.NotFound,
        StatusCodes.Status503ServiceUnavailable => ProblemCodes.DependencyUnavailable,
        StatusCodes.Status405MethodNotAllowed => ProblemCodes.MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => ProblemCodes.RequestTooLarge,
        _ => ProblemCodes.InternalError,
    };
}
