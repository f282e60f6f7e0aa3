using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace SpasmCare.Tests.Infrastructure;

/// <summary>
/// A small SMTP server on loopback for tests: enough of RFC 5321 (HELO/EHLO, MAIL, RCPT, DATA with dot-unstuffing,
/// RSET, NOOP, QUIT) for MailKit to deliver to it. It keeps what it receives, can refuse chosen recipients with a
/// 550, and can be stopped and started again on the same port to play a mail server that is down.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task? _accepting;

    public SmtpTestServer(int? port = null)
    {
        Port = port ?? FreePort();
    }

    public int Port { get; }
    public bool IsRunning => _listener is not null;
    public IReadOnlyCollection<MimeMessage> Received => _received.ToArray();

    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>RCPT TO this address gets "550 mailbox unavailable".</summary>
    public void Refuse(string address) => _refused[address] = true;

    public void Start()
    {
        if (_listener is not null)
        {
            return;
        }

        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = AcceptAsync(_listener, _stop.Token);
    }

    public async Task StopAsync()
    {
        if (_listener is null)
        {
            return;
        }

        await _stop!.CancelAsync();
        _listener.Stop();
        _listener = null;
        try
        {
            await _accepting!;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>Waits (in real time) for a message to <paramref name="address"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, TimeSpan? timeout = null) =>
        await Eventually.ReadAsync(() => Task.FromResult(To(address).FirstOrDefault()), m => m is not null, timeout)
        ?? throw new TimeoutException($"No message to {address} within the time allowed.");

    public IEnumerable<MimeMessage> To(string address) =>
        _received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)));

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        var sessions = new List<Task>();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(ct);
                sessions.Add(ServeAsync(client, ct));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        await Task.WhenAll(sessions.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    private async Task ServeAsync(TcpClient client, CancellationToken ct)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            await writer.WriteLineAsync("220 localhost SpasmCare test SMTP");
            var recipients = 0;
            while (!ct.IsCancellationRequested && await reader.ReadLineAsync(ct) is { } line)
            {
                var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (command)
                {
                    case "EHLO":
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        recipients = 0;
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        var address = Between(line, '<', '>');
                        if (_refused.ContainsKey(address))
                        {
                            await writer.WriteLineAsync("550 5.1.1 Mailbox unavailable");
                        }
                        else
                        {
                            recipients++;
                            await writer.WriteLineAsync("250 OK");
                        }

                        break;
                    case "DATA":
                        if (recipients == 0)
                        {
                            await writer.WriteLineAsync("554 No valid recipients");
                            break;
                        }

                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(ct) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith('.') ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        using (var raw = new MemoryStream(Encoding.UTF8.GetBytes(data.ToString())))
                        {
                            _received.Enqueue(await MimeMessage.LoadAsync(raw, ct));
                        }

                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET":
                        recipients = 0;
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static string Between(string text, char open, char close)
    {
        var start = text.IndexOf(open, StringComparison.Ordinal);
        var end = text.IndexOf(close, StringComparison.Ordinal);
        return start >= 0 && end > start ? text[(start + 1)..end] : "";
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
