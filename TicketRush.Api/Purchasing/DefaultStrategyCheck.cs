using Microsoft.Extensions.Options;

namespace TicketRush.Api.Purchasing;

/// <summary>
/// Fails the start when <see cref="PurchaseOptions.DefaultStrategy"/> names no registered strategy. Not an options
/// validator: the strategies themselves read <see cref="PurchaseOptions"/>, so validating through them would be circular.
/// </summary>
internal sealed class DefaultStrategyCheck(PurchaseStrategyCatalog strategies, IOptions<PurchaseOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        strategies.TryGet(options.Value.DefaultStrategy, out _)
            ? Task.CompletedTask
            : throw new OptionsValidationException(nameof(PurchaseOptions.DefaultStrategy), typeof(PurchaseOptions),
                [$"Purchase:DefaultStrategy '{options.Value.DefaultStrategy}' is not a registered strategy."]);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
