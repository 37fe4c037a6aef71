using System.Net;
using System.Net.Sockets;

namespace PaymentAudit.Local.Emulators;

/// <summary>Loopback TCP ports for the local emulators.</summary>
public static class LoopbackPort
{
    /// <summary>Asks the OS for a port that is free right now.</summary>
    public static int FindFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True when something already accepts connections on the port (on loopback or any address).</summary>
    public static bool IsTaken(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    /// <summary>Refuses a taken port with a message that says what to do.</summary>
    /// <exception cref="EmulatorStartException">The port is in use.</exception>
    public static void EnsureFree(int port, string emulatorName)
    {
        if (IsTaken(port))
        {
            throw new EmulatorStartException(
                $"{emulatorName} cannot start: port {port} is already in use (a previous run still alive, or another program). "
                + $"Stop it (e.g. 'fuser -k {port}/tcp') or choose another port.");
        }
    }
}
