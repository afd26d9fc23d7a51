namespace WellbeingIndex.Api.Http;

/// <summary>
/// Endpoint metadata: the operation reads an optional JSON body of this shape itself (to report every bad field at
/// once). Unlike <c>Accepts&lt;T&gt;</c> it only documents the body; it does not make routing refuse other content
/// types, so a wrong Content-Type still gets the operation's field-keyed 415.
/// </summary>
/// <param name="Type">The wire record the OpenAPI document describes.</param>
/// <param name="Description">What the body is for.</param>
public sealed record DocumentedBody(Type Type, string Description);
