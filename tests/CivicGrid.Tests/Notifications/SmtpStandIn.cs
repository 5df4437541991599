using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace CivicGrid.Tests.Notifications;

/// <summary>
/// The stand-in for the outside mail server: just enough SMTP (RFC 5321) on a loopback port to
/// take messages from MailKit and keep them for the test to read.
/// </summary>
public sealed class SmtpStandIn : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public sealed record Mail(string From, IReadOnlyList<string> To, MimeMessage Message);

    public List<Mail> Received { get; } = [];

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public SmtpStandIn()
    {
        _listener.Start();
        _serving = ServeAsync();
    }

    private async Task ServeAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await SessionAsync(client.GetStream());
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped by the test.
        }
    }

    private async Task SessionAsync(NetworkStream stream)
    {
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost stand-in");
        string? from = null;
        List<string> to = [];
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "MAIL":
                    from = Address(line);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(Address(line));
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 go on");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.ASCII.GetBytes(data.ToString())));
                    lock (Received)
                    {
                        Received.Add(new Mail(from!, [.. to], message));
                    }

                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    private static string Address(string line) => line[(line.IndexOf('<') + 1)..line.IndexOf('>')];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
    }
}
