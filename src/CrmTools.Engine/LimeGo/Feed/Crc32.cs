namespace CrmTools.Engine.LimeGo.Feed
{
    /// <summary>CRC-32 (IEEE 802.3, as zip and PNG use it): detects a torn or garbled spool record.</summary>
    internal static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        public const uint Initial = 0xFFFFFFFFu;

        public static uint Append(uint crc, byte[] data, int offset, int count)
        {
            for (var i = offset; i < offset + count; i++) crc = Table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            return crc;
        }

        public static uint Finish(uint crc) => crc ^ 0xFFFFFFFFu;

        public static uint Compute(byte[] data, int offset, int count) => Finish(Append(Initial, data, offset, count));

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                var c = n;
                for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }
    }
}
