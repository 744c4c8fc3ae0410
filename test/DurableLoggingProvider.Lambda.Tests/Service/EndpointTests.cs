using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace DurableLoggingProvider.Lambda.Tests;

[TestFixture]
public sealed class EndpointTests
{
    private static LambdaServiceEndpoint Resolve(Dictionary<string, string> environment, LambdaDurableServiceOptions? options = null) =>
        LambdaServiceEndpoint.Resolve(options ?? new LambdaDurableServiceOptions(), name => environment.TryGetValue(name, out var value) ? value : null);

    [Test]
    public void The_region_in_AWS_REGION_gives_its_lambda_endpoint_and_signing_region()
    {
        var endpoint = Resolve(new() { ["AWS_REGION"] = "eu-west-1" });

        Assert.That(endpoint.BaseUri, Is.EqualTo(new Uri("https://lambda.eu-west-1.amazonaws.com/")));
        Assert.That(endpoint.Region.SystemName, Is.EqualTo("eu-west-1"));
    }

    [Test]
    public void A_china_region_uses_its_partitions_domain()
    {
        Assert.That(Resolve(new() { ["AWS_REGION"] = "cn-north-1" }).BaseUri, Is.EqualTo(new Uri("https://lambda.cn-north-1.amazonaws.com.cn/")));
    }

    [Test]
    public void The_lambda_specific_endpoint_variable_wins_over_the_general_one()
    {
        var endpoint = Resolve(new()
        {
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ENDPOINT_URL"] = "http://localhost:4566",
            ["AWS_ENDPOINT_URL_LAMBDA"] = "http://localhost:9001",
        });

        Assert.That(endpoint.BaseUri, Is.EqualTo(new Uri("http://localhost:9001")));
    }

    [Test]
    public void The_general_endpoint_variable_applies_when_no_lambda_one_is_set()
    {
        Assert.That(Resolve(new() { ["AWS_REGION"] = "us-east-1", ["AWS_ENDPOINT_URL"] = "http://localhost:4566" }).BaseUri, Is.EqualTo(new Uri("http://localhost:4566")));
    }

    [Test]
    public void The_option_wins_over_the_environment()
    {
        var options = new LambdaDurableServiceOptions { Endpoint = new Uri("https://proxy.example/lambda/"), Region = "us-west-2" };

        var endpoint = Resolve(new() { ["AWS_REGION"] = "us-east-1", ["AWS_ENDPOINT_URL_LAMBDA"] = "http://localhost:9001" }, options);

        Assert.That(endpoint.BaseUri, Is.EqualTo(new Uri("https://proxy.example/lambda/")));
        Assert.That(endpoint.Region.SystemName, Is.EqualTo("us-west-2"));
        Assert.That(endpoint.UrlOf("/2025-12-01/durable-executions/a%3Ab/state?CheckpointToken=t").OriginalString,
            Is.EqualTo("https://proxy.example/lambda/2025-12-01/durable-executions/a%3Ab/state?CheckpointToken=t"));
    }

    [Test]
    public void Configured_endpoints_are_ignored_when_AWS_IGNORE_CONFIGURED_ENDPOINT_URLS_is_true()
    {
        var endpoint = Resolve(new() { ["AWS_REGION"] = "us-east-1", ["AWS_ENDPOINT_URL_LAMBDA"] = "http://localhost:9001", ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true" });

        Assert.That(endpoint.BaseUri, Is.EqualTo(new Uri("https://lambda.us-east-1.amazonaws.com/")));
    }

    [Test]
    public void No_region_is_an_error_that_names_AWS_REGION()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Resolve([]));

        Assert.That(failure!.Message, Does.Contain("AWS_REGION").And.Contain("LambdaDurableServiceOptions.Region"));
    }

    [Test]
    public void An_endpoint_variable_that_is_not_a_url_is_an_error_that_names_it()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Resolve(new() { ["AWS_REGION"] = "us-east-1", ["AWS_ENDPOINT_URL_LAMBDA"] = "localhost:9001" }));

        Assert.That(failure!.Message, Does.StartWith("AWS_ENDPOINT_URL_LAMBDA is 'localhost:9001'"));
    }

    [Test]
    public void Inconsistent_retry_options_are_refused_with_the_reason()
    {
        var options = new LambdaDurableServiceOptions { Region = "us-east-1", MaxAttempts = 0 };

        var failure = Assert.Throws<ArgumentException>(() => _ = new LambdaDurableServiceClient(new System.Net.Http.HttpClient(), options));

        Assert.That(failure!.Message, Does.StartWith("MaxAttempts is 0: it must be at least 1"));
    }
}
