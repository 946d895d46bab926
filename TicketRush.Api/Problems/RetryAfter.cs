namespace TicketRush.Api.Problems;

internal static class RetryAfter
{
    public static void Set(HttpResponse response, TimeSpan delay) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
