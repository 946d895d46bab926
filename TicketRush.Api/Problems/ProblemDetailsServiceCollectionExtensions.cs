namespace TicketRush.Api.Problems;

public static class ProblemDetailsServiceCollectionExtensions
{
    /// <summary>ProblemDetails for every error, including the framework's own (bad JSON, unknown routes, exceptions).</summary>
    public static IServiceCollection AddTicketRushProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.TryAdd(Problem.CodeExtension, ProblemCodes.ForStatus(problem.Status));
            problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<DependencyUnavailableExceptionHandler>();
        return services;
    }
}
