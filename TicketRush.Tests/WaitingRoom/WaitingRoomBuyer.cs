using System.Net;
using TicketRush.Rush;

namespace TicketRush.Tests.WaitingRoom;

/// <summary>A buyer of a waiting-room sale, for tests that look at one buyer at a time.</summary>
public static class WaitingRoomBuyer
{
    /// <summary>Waits in line and buys once admitted (the rush runner's buyer); returns the last status and the purchase's status code.</summary>
    public static async Task<(string Status, HttpStatusCode? Purchase)> WaitAndBuyAsync(HttpClient server, long ticketId, long userId, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var attempt = await WaitingRoomRunner.WaitAndBuyAsync(server, ticketId, userId, timeout.Token);
        return attempt.Code is { } code && code.StartsWith(WaitingRoomRunner.LineCodePrefix, StringComparison.Ordinal)
            ? (code[WaitingRoomRunner.LineCodePrefix.Length..], null)
            : (QueueStatuses.Admitted, (HttpStatusCode)attempt.Status);
    }

    /// <summary>Polls until the buyer's status is <paramref name="status"/>.</summary>
    public static async Task<QueueStatusResponse> WaitForStatusAsync(HttpClient server, long ticketId, long userId, string status, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (true)
        {
            var state = await server.GetQueueStatusAsync(ticketId, userId, timeout.Token);
            if (state.Status == status)
            {
                return state;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
