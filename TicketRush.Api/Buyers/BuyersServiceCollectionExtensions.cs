using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TicketRush.Api.Endpoints;

namespace TicketRush.Api.Buyers;

internal static class BuyersServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddBuyers(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<BuyerOptions>()
            .BindConfiguration(BuyerOptions.SectionName)
            .PostConfigure(o => o.Authentication ??= development ? BuyerAuthentication.Lab : BuyerAuthentication.Required)
            .ValidateDataAnnotations()
            .Validate(o => Enum.IsDefined(o.Authentication!.Value), "Buyers:Authentication must be 'required' or 'lab'.")
            .ValidateOnStart();
        builder.Services.AddSingleton<BuyerIdentity>();
        builder.Services.AddSingleton<BuyerTokenIssuer>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<BuyerOptions>>((jwt, buyers) =>
        {
            jwt.MapInboundClaims = false; // keep "sub" as "sub"
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = buyers.Value.Issuer,
                ValidAudience = buyers.Value.Audience,
                IssuerSigningKey = BuyerTokenIssuer.SigningKeyOf(buyers.Value),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = buyers.Value.ClockSkew,
                NameClaimType = BuyerIdentity.SubjectClaim,
            };
        });
        return builder;
    }

    /// <summary>
    /// The body's buyer becomes the authenticated one (<see cref="BuyerRequestFilter"/>). Add it before any filter that
    /// reads the buyer: filters run in the order they are added.
    /// </summary>
    public static RouteHandlerBuilder RequireBuyer(this RouteHandlerBuilder endpoint) => endpoint.AddFilter<BuyerRequestFilter>();

    /// <summary>A token holder reads only their own <paramref name="routeBuyer"/>; anyone else's is <paramref name="notFound"/>.</summary>
    public static RouteHandlerBuilder RequireOwnBuyer(
        this RouteHandlerBuilder endpoint,
        Func<EndpointFilterInvocationContext, long?> routeBuyer,
        Func<EndpointFilterInvocationContext, ProblemHttpResult> notFound) =>
        endpoint.AddFilter<OwnBuyerFilter>(routeBuyer, notFound);
}
