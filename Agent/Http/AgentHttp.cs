using System.Net;

namespace Planekeeper.Agent.Http;

/// <summary>
/// The handler chain every gather source sends through: retries (<see cref="ResilienceHandler"/>) over a pooled
/// connection handler that, for a server agent, only reaches public addresses (<see cref="PrivateAddressGuard"/>).
/// One chain serves all sources and tasks; the sources never dispose it.
/// </summary>
public static class AgentHttp
{
    public static HttpMessageHandler CreateHandler(bool allowPrivateAddresses, HttpRetryOptions? retry = null)
    {
        var connections = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (!allowPrivateAddresses)
        {
            connections.ConnectCallback = PrivateAddressGuard.ConnectAsync;
            // Through a proxy the guard would check the proxy's address, not the upstream's.
            connections.UseProxy = false;
        }

        return new ResilienceHandler(HttpRetryPipeline.Create(retry ?? HttpRetryOptions.Default), connections);
    }
}
