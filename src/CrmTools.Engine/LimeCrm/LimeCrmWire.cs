using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using CrmTools.Engine.Http;

namespace CrmTools.Engine.LimeCrm
{
    /// <summary>
    /// Every wire choice of the Lime CRM REST API in one place. What api-notes.md marks as confirmed:
    /// the x-api-key header, application/hal+json, the limeobject paths with their trailing slash,
    /// HAL lists with _limit/_offset and a next link. Reported (one source): filters as prop=value with
    /// min-/max-/not- prefixes, _sort, option values by key, /limetype/{lt}/?_embed=properties.
    /// Open, chosen here so that a different answer is a one-line change: descending sort as a leading
    /// "-", repeated filter parameters meaning "any of", yes/no as true/false, times as ISO 8601 with offset,
    /// the page cap.
    /// </summary>
    internal static class LimeCrmWire
    {
        public const string ServicePrefix = "LimeCrm";
        public const string DisplayName = "Lime CRM";

        public const string ApiKeyHeader = "x-api-key";
        public const string MediaType = "application/hal+json";

        /// <summary>The API root below the application address: https://host/application/api/v1/.</summary>
        public const string ApiRoot = "api/v1/";

        public const string LimitParameter = "_limit";
        public const string OffsetParameter = "_offset";
        public const string SortParameter = "_sort";
        public const string EmbedParameter = "_embed";

        /// <summary>The service's own default page is 10 objects; asking for more saves requests.</summary>
        public const int DefaultPageSize = 100;

        /// <summary>The service documents no cap; stay at a size any server accepts.</summary>
        public const int MaxPageSize = 500;

        public const string MinPrefix = "min-";
        public const string MaxPrefix = "max-";
        public const string NotPrefix = "not-";

        public static string LimetypesPath => "limetype/";

        public static string LimetypePath(string limetype) => "limetype/" + Segment(limetype) + "/";

        public static string ObjectsPath(string limetype) => "limeobject/" + Segment(limetype) + "/";

        public static string ObjectPath(string limetype, long id) =>
            ObjectsPath(limetype) + id.ToString(CultureInfo.InvariantCulture) + "/";

        /// <summary>GET /limetype/ with every limetype's properties embedded.</summary>
        public static CrmRequest ListLimetypes(bool withProperties)
        {
            var request = NewRequest(HttpMethod.Get, LimetypesPath, "Limetype");
            if (withProperties) request.AddQuery(EmbedParameter, "limetypes.properties");
            return request;
        }

        public static CrmRequest GetLimetype(string limetype) =>
            NewRequest(HttpMethod.Get, LimetypePath(limetype), "Limetype").AddQuery(EmbedParameter, "properties");

        /// <summary>A request with the HAL media type; every Lime CRM call is built here.</summary>
        public static CrmRequest NewRequest(HttpMethod method, string path, string resource)
        {
            var request = new CrmRequest(method, path) { Resource = resource };
            request.Headers["Accept"] = MediaType;
            return request;
        }

        /// <summary>_sort: property names, a leading "-" for descending, comma-separated.</summary>
        public static string FormatSort(IEnumerable<(string Property, bool Descending)> keys) =>
            string.Join(",", keys.Select(k => (k.Descending ? "-" : string.Empty) + k.Property));

        /// <summary>Times on the wire: ISO 8601 with the offset, microseconds as Lime CRM writes them.</summary>
        public static string FormatTime(DateTimeOffset value) =>
            value.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);

        public static string FormatBool(bool value) => value ? "true" : "false";

        public static string FormatNumber(decimal value) => value.ToString(CultureInfo.InvariantCulture);

        public static string FormatNumber(long value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Segment(string name) => Uri.EscapeDataString(name);
    }
}
