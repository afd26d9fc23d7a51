using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using WellbeingIndex.Api;
using WellbeingIndex.Functions;
using WellbeingIndex.Indicators;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ResponseHeadersMiddleware>();
builder.UseMiddleware<ProblemDetailsMiddleware>();
builder.Services.AddWellbeingApi(BuiltInIndicators.Assembly, underFunctionsHost: true);
builder.Build().Run();
