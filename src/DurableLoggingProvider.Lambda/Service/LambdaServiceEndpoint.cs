using System;
using Amazon;

namespace DurableLoggingProvider.Lambda;

/// <summary>
/// Where the durable execution API is and which region signs for it, resolved the way AWS SDKs do: the
/// option, then <c>AWS_ENDPOINT_URL_LAMBDA</c>, then <c>AWS_ENDPOINT_URL</c> (both ignored when
/// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> is <c>true</c>), then the region's endpoint.
/// </summary>
internal sealed class LambdaServiceEndpoint
{
    /// <summary>The SigV4 service name of the Lambda API.</summary>
    public const string SigningService = "lambda";

    private LambdaServiceEndpoint(Uri baseUri, RegionEndpoint region)
    {
        BaseUri = baseUri;
        Region = region;
    }

    /// <summary>The endpoint the API's paths are appended to.</summary>
    public Uri BaseUri { get; }

    /// <summary>The region requests are signed for.</summary>
    public RegionEndpoint Region { get; }

    public static bool IsHttpUrl(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <exception cref="InvalidOperationException">No region is configured, or an endpoint variable is not a URL.</exception>
    public static LambdaServiceEndpoint Resolve(LambdaDurableServiceOptions options, Func<string, string?> environment)
    {
        var regionName = FirstSet(options.Region, environment("AWS_REGION"), environment("AWS_DEFAULT_REGION"))
            ?? throw new InvalidOperationException(
                "No AWS region is configured for the durable execution API: Lambda sets AWS_REGION in every function; " +
                "outside Lambda set AWS_REGION or LambdaDurableServiceOptions.Region (for example us-east-1).");
        var region = RegionEndpoint.GetBySystemName(regionName);

        var endpoint = options.Endpoint ?? ConfiguredEndpoint(environment);
        if (endpoint is null)
        {
            var suffix = string.IsNullOrEmpty(region.PartitionDnsSuffix) ? "amazonaws.com" : region.PartitionDnsSuffix;
            endpoint = new Uri($"https://lambda.{region.SystemName}.{suffix}/");
        }

        return new LambdaServiceEndpoint(endpoint, region);
    }

    /// <summary>The full URL of an API path (one that starts with <c>/</c>, already percent-encoded).</summary>
    public Uri UrlOf(string encodedPathAndQuery)
    {
        var basePath = BaseUri.AbsolutePath.TrimEnd('/');
        return new Uri(BaseUri.GetLeftPart(UriPartial.Authority) + basePath + encodedPathAndQuery);
    }

    private static Uri? ConfiguredEndpoint(Func<string, string?> environment)
    {
        if (string.Equals(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var variable in new[] { "AWS_ENDPOINT_URL_LAMBDA", "AWS_ENDPOINT_URL" })
        {
            var value = environment(variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || !IsHttpUrl(uri))
            {
                throw new InvalidOperationException(
                    $"{variable} is '{value}', which is not an absolute http(s) URL: set it to the Lambda API's endpoint, such as https://lambda.us-east-1.amazonaws.com, or unset it.");
            }

            return uri;
        }

        return null;
    }

    private static string? FirstSet(params string?[] values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return null;
    }
}
