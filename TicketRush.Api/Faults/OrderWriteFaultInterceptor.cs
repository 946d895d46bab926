using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TicketRush.Api.Data;

namespace TicketRush.Api.Faults;

/// <summary>Fails the save that would insert an order for an armed buyer, as if MySQL had failed the write.</summary>
public sealed class OrderWriteFaultInterceptor(FaultInjector faults) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ThrowIfArmed(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ThrowIfArmed(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void ThrowIfArmed(DbContext? context)
    {
        var orders = context?.ChangeTracker.Entries<TicketOrder>().Where(e => e.State == EntityState.Added) ?? [];
        if (orders.FirstOrDefault(o => faults.TryConsumeOrderWriteFault(o.Entity.UserId)) is { } failing)
        {
            throw new InjectedFaultException($"Injected fault: the order write for user {failing.Entity.UserId} failed.");
        }
    }
}
