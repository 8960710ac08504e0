namespace Sinergi.Features.Proposals;

public static class ProposalsSetup
{
    public static WebApplicationBuilder AddProposals(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProposalNotifier>();
        return builder;
    }
}
