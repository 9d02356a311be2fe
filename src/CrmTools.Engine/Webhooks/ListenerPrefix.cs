using System;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CrmTools.Engine.Errors;

namespace CrmTools.Engine.Webhooks
{
    /// <summary>
    /// An HttpListener prefix (scheme://host:port/path/) as the user gave it, checked: http or https, a port, a path
    /// ending in '/'. "+" and "*" (every address) are accepted as HttpListener knows them, and count as non-loopback.
    /// </summary>
    internal sealed class ListenerPrefix
    {
        private static readonly Regex Pattern = new Regex(
            @"^(?<scheme>https?)://(?<host>\[[0-9A-Fa-f:.%]+\]|[^:/\[\]\s]+)(?::(?<port>\d{1,5}))?(?<path>/[^?#\s]*)?$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private ListenerPrefix(string scheme, string host, int port, string path)
        {
            Scheme = scheme;
            Host = host;
            Port = port;
            Path = path;
        }

        public string Scheme { get; }
        public string Host { get; }

        /// <summary>0 asks for a free port, chosen when the listener binds.</summary>
        public int Port { get; }

        /// <summary>Starts and ends with '/'.</summary>
        public string Path { get; }

        public bool IsHttps => Scheme == "https";

        public bool IsLoopback
        {
            get
            {
                if (string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
                var host = Host.Trim('[', ']');
                var percent = host.IndexOf('%');
                if (percent >= 0) host = host.Substring(0, percent);
                return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
            }
        }

        public static ListenerPrefix Parse(string text)
        {
            var m = Pattern.Match(text?.Trim() ?? string.Empty);
            if (!m.Success)
            {
                throw new CrmValidationException("Crm", "Prefix", $"'{text}' is not a listener prefix. Use the form http://127.0.0.1:8080/hooks/ (scheme, host, port, path).");
            }
            var scheme = m.Groups["scheme"].Value.ToLowerInvariant();
            int port = m.Groups["port"].Success ? int.Parse(m.Groups["port"].Value, CultureInfo.InvariantCulture) : scheme == "https" ? 443 : 80;
            if (port > 65535) throw new CrmValidationException("Crm", "Prefix", $"'{text}': {port} is not a port number.");
            var path = m.Groups["path"].Success && m.Groups["path"].Value.Length > 0 ? m.Groups["path"].Value : "/";
            if (!path.EndsWith("/", StringComparison.Ordinal)) path += "/";
            return new ListenerPrefix(scheme, m.Groups["host"].Value, port, path);
        }

        public ListenerPrefix WithPort(int port) => new ListenerPrefix(Scheme, Host, port, Path);

        /// <summary>The address of <paramref name="relative"/> under this prefix, with a real host name for "+" and "*".</summary>
        public string UrlOf(string relative)
        {
            var host = Host == "+" || Host == "*" ? Dns.GetHostName() : Host;
            return $"{Scheme}://{host}:{Port.ToString(CultureInfo.InvariantCulture)}{Path}{relative}";
        }

        public override string ToString() => $"{Scheme}://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}{Path}";
    }
}
