using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TicketRush.Api.Admin;

/// <summary>Lets a request through only with the right <c>X-Admin-Key</c>; compared in constant time.</summary>
internal sealed class AdminKeyFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.Key);

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[ApiHeaders.AdminKey].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _key)
            ? next(context)
            : ValueTask.FromResult<object?>(Problems.Problem.Unauthorized());
    }
}
