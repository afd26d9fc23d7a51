using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace WellbeingIndex.Functions.Tests.Functions;

/// <summary>
/// A minimal <see cref="FunctionContext"/>: services, items (where the ASP.NET Core integration keeps the HttpContext,
/// under "HttpRequestContext") and a cancellation token. What the functions under test do not use throws.
/// </summary>
internal sealed class TestFunctionContext(IServiceProvider services, Microsoft.AspNetCore.Http.HttpContext? http = null) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId { get; } = "test";

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } =
        http is null ? new Dictionary<object, object>() : new Dictionary<object, object> { ["HttpRequestContext"] = http };

    public override IInvocationFeatures Features => throw new NotSupportedException();

    public override CancellationToken CancellationToken => CancellationToken.None;
}
