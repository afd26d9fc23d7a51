using System.Numerics;

namespace WellbeingIndex.Delimited;

/// <summary>
/// The shortest decimal that reads back as the same double (Ulf Adams, "Ryū: fast float-to-string conversion", PLDI
/// 2018), written the way .NET's round-trip format writes it, for the values a table mostly holds: magnitudes from
/// 1e-4 to below 1e17, which .NET writes without an exponent. Several times faster than .NET's own formatting,
/// which is most of the cost of writing a 33,000 × 45 table; other values (and zero) are left to .NET.
/// </summary>
internal static class ShortestDouble
{
    private const int MantissaBits = 52;
    private const int Bias = 1023;
    private const int Pow5InverseBits = 125;
    private const int Pow5Bits = 125;

    private static readonly ulong[] Pow5 = new ulong[2 * 326];
    private static readonly ulong[] Pow5Inverse = new ulong[2 * 342];
    private static readonly bool[] Pow5Ready = new bool[326];
    private static readonly bool[] Pow5InverseReady = new bool[342];

    /// <summary>
    /// Writes <paramref name="value"/> as <c>value.ToString("R", InvariantCulture)</c> would into <paramref name="destination"/>
    /// (at least 24 characters) and returns the length, or 0 when the value is outside the range handled here.
    /// </summary>
    public static int TryFormat(double value, Span<char> destination)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        var ieeeMantissa = bits & ((1UL << MantissaBits) - 1);
        var ieeeExponent = (int)((bits >> MantissaBits) & 0x7FF);
        if (ieeeExponent == 0 || ieeeExponent == 0x7FF)
        {
            return 0; // zero, subnormal, infinite or NaN
        }

        var (digits, exponent) = Decimal(ieeeMantissa, ieeeExponent);

        // The digits, last first, into the end of a 20-character scratch (a ulong has at most 20).
        Span<char> scratch = stackalloc char[20];
        var first = scratch.Length;
        do
        {
            var next = digits / 10;
            scratch[--first] = (char)('0' + (int)(digits - next * 10));
            digits = next;
        }
        while (digits != 0);

        var text = scratch[first..];
        var length = text.Length;
        var scientific = exponent + length - 1; // value = d.ddd × 10^scientific
        if (scientific < -4 || scientific > 16)
        {
            return 0;
        }

        var at = 0;
        if ((long)bits < 0)
        {
            destination[at++] = '-';
        }

        if (scientific < 0)
        {
            destination[at++] = '0';
            destination[at++] = '.';
            for (var z = -1; z > scientific; z--)
            {
                destination[at++] = '0';
            }

            text[..length].CopyTo(destination[at..]);
            return at + length;
        }

        var whole = scientific + 1;
        if (length <= whole)
        {
            text[..length].CopyTo(destination[at..]);
            at += length;
            for (var z = length; z < whole; z++)
            {
                destination[at++] = '0';
            }

            return at;
        }

        text[..whole].CopyTo(destination[at..]);
        at += whole;
        destination[at++] = '.';
        text[whole..length].CopyTo(destination[at..]);
        return at + length - whole;
    }

    /// <summary>Ryū's d2d: the shortest digits and decimal exponent of a normal double, rounded to the nearest.</summary>
    private static (ulong Digits, int Exponent) Decimal(ulong ieeeMantissa, int ieeeExponent)
    {
        var e2 = ieeeExponent - Bias - MantissaBits - 2;
        var m2 = (1UL << MantissaBits) | ieeeMantissa;
        var even = (m2 & 1) == 0;
        var acceptBounds = even;

        var mv = 4 * m2;
        var mmShift = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1U : 0U;
        ulong vr, vp, vm;
        int e10;
        var vmIsTrailingZeros = false;
        var vrIsTrailingZeros = false;
        if (e2 >= 0)
        {
            var q = Log10Pow2(e2) - (e2 > 3 ? 1 : 0);
            e10 = q;
            var k = Pow5InverseBits + Pow5BitLength(q) - 1;
            var i = -e2 + q + k;
            var (lo, hi) = InverseOf5(q);
            vr = MulShift(4 * m2, lo, hi, i);
            vp = MulShift(4 * m2 + 2, lo, hi, i);
            vm = MulShift(4 * m2 - 1 - mmShift, lo, hi, i);
            if (q <= 21)
            {
                if (mv % 5 == 0)
                {
                    vrIsTrailingZeros = MultipleOfPowerOf5(mv, q);
                }
                else if (acceptBounds)
                {
                    vmIsTrailingZeros = MultipleOfPowerOf5(mv - 1 - mmShift, q);
                }
                else
                {
                    vp -= MultipleOfPowerOf5(mv + 2, q) ? 1UL : 0UL;
                }
            }
        }
        else
        {
            var q = Log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
            e10 = q + e2;
            var i = -e2 - q;
            var k = Pow5BitLength(i) - Pow5Bits;
            var j = q - k;
            var (lo, hi) = PowerOf5(i);
            vr = MulShift(4 * m2, lo, hi, j);
            vp = MulShift(4 * m2 + 2, lo, hi, j);
            vm = MulShift(4 * m2 - 1 - mmShift, lo, hi, j);
            if (q <= 1)
            {
                vrIsTrailingZeros = true;
                if (acceptBounds)
                {
                    vmIsTrailingZeros = mmShift == 1;
                }
                else
                {
                    --vp;
                }
            }
            else if (q < 63)
            {
                vrIsTrailingZeros = (mv & ((1UL << q) - 1)) == 0;
            }
        }

        var removed = 0;
        ulong output;
        if (vmIsTrailingZeros || vrIsTrailingZeros)
        {
            var lastRemovedDigit = 0UL;
            while (vp / 10 > vm / 10)
            {
                vmIsTrailingZeros &= vm % 10 == 0;
                vrIsTrailingZeros &= lastRemovedDigit == 0;
                lastRemovedDigit = vr % 10;
                vr /= 10;
                vp /= 10;
                vm /= 10;
                removed++;
            }

            if (vmIsTrailingZeros)
            {
                while (vm % 10 == 0)
                {
                    vrIsTrailingZeros &= lastRemovedDigit == 0;
                    lastRemovedDigit = vr % 10;
                    vr /= 10;
                    vp /= 10;
                    vm /= 10;
                    removed++;
                }
            }

            if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0)
            {
                lastRemovedDigit = 4; // exactly halfway: round to even
            }

            output = vr + ((vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5 ? 1UL : 0UL);
        }
        else
        {
            var roundUp = false;
            if (vp / 100 > vm / 100)
            {
                roundUp = vr % 100 >= 50;
                vr /= 100;
                vp /= 100;
                vm /= 100;
                removed += 2;
            }

            while (vp / 10 > vm / 10)
            {
                roundUp = vr % 10 >= 5;
                vr /= 10;
                vp /= 10;
                vm /= 10;
                removed++;
            }

            output = vr + (vr == vm || roundUp ? 1UL : 0UL);
        }

        return (output, e10 + removed);
    }

    /// <summary>⌈log2 5^e⌉ (1 for e = 0).</summary>
    private static int Pow5BitLength(int e) => (int)(((uint)e * 1217359) >> 19) + 1;

    /// <summary>⌊log10 2^e⌋.</summary>
    private static int Log10Pow2(int e) => (int)(((uint)e * 78913) >> 18);

    /// <summary>⌊log10 5^e⌋.</summary>
    private static int Log10Pow5(int e) => (int)(((uint)e * 732923) >> 20);

    private static bool MultipleOfPowerOf5(ulong value, int p)
    {
        var count = 0;
        while (value % 5 == 0)
        {
            value /= 5;
            count++;
        }

        return count >= p;
    }

    /// <summary>(m × (hi·2^64 + lo)) >> j, for j ≥ 64.</summary>
    private static ulong MulShift(ulong m, ulong lo, ulong hi, int j)
    {
        var high0 = Math.BigMul(m, lo, out _);
        var high2 = Math.BigMul(m, hi, out var low2);
        var sum = (UInt128)high0 + (((UInt128)high2 << 64) | low2);
        return (ulong)(sum >> (j - 64));
    }

    /// <summary>The top 125 bits of 5^i.</summary>
    private static (ulong Lo, ulong Hi) PowerOf5(int i)
    {
        if (!Volatile.Read(ref Pow5Ready[i]))
        {
            var pow = BigInteger.Pow(5, i);
            var shift = (int)pow.GetBitLength() - Pow5Bits;
            Store(Pow5, i, shift >= 0 ? pow >> shift : pow << -shift);
            Volatile.Write(ref Pow5Ready[i], true);
        }

        return (Pow5[2 * i], Pow5[2 * i + 1]);
    }

    /// <summary>⌊2^(bits(5^q) − 1 + 125) / 5^q⌋ + 1.</summary>
    private static (ulong Lo, ulong Hi) InverseOf5(int q)
    {
        if (!Volatile.Read(ref Pow5InverseReady[q]))
        {
            var pow = BigInteger.Pow(5, q);
            var j = (int)pow.GetBitLength() - 1 + Pow5InverseBits;
            Store(Pow5Inverse, q, (BigInteger.One << j) / pow + 1);
            Volatile.Write(ref Pow5InverseReady[q], true);
        }

        return (Pow5Inverse[2 * q], Pow5Inverse[2 * q + 1]);
    }

    private static void Store(ulong[] table, int i, BigInteger value)
    {
        var mask = (BigInteger.One << 64) - 1;
        table[2 * i] = (ulong)(value & mask);
        table[2 * i + 1] = (ulong)(value >> 64);
    }
}
