using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace WellbeingIndex.Delimited;

/// <summary>
/// The shortest decimal that reads back as the same double (Ulf Adams, "Ryū: fast float-to-string conversion", PLDI
/// 2018), written the way .NET's round-trip format writes it, for the values a table mostly holds: magnitudes from
/// 1e-4 to below 1e17, which .NET writes without an exponent, and zero. About three times as fast as .NET's own
/// formatting, which is most of the cost of writing a 33,000 × 45 table; other values are left to .NET.
/// </summary>
/// <remarks>
/// In this range Ryū's 125-bit multipliers are exact: for a binary exponent e2 &lt; 0 the scaled bounds are
/// ⌊m × 5^i / 2^q⌋ with 5^i below 2^52 (i = −e2 − q ≤ 22), one 64 × 64-bit product and two additions; for e2 ≥ 0 (at most 2
/// here) q is 0 and they are m × 2^e2. Whole numbers below 2^53 are written as they are (Ryū's small-integer path).
/// The hot path calls nothing in other assemblies: a framework-dependent ReadyToRun build cannot inline across them,
/// and calls to <c>Math.BigMul</c>, <c>MemoryMarshal.GetReference</c> or <c>string.AsSpan</c> there made it twice as slow.
/// </remarks>
internal static class ShortestDouble
{
    /// <summary>Room <see cref="TryFormat"/> needs; the longest text it writes is 23 characters (<c>-0.000</c> and 17 digits).</summary>
    public const int MaxLength = 24;

    private const int MantissaBits = 52;
    private const int Bias = 1023;

    // Biased exponents of the doubles .NET may write without an exponent: 2^-14 ≤ |v| < 2^57
    // (1e-4 is 1.64 × 2^-14, 1e17 is 1.39 × 2^56).
    private const int MinExponent = Bias - 14;
    private const int MaxExponent = Bias + 56;

    /// <summary>"00" to "99", read two characters at a time.</summary>
    private const string Pairs =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

    /// <summary>
    /// For −e2 = 0 … 68 (binary exponents from 2^-14 down), 5^i with i = −e2 − q: the power of 5 that scales the
    /// bounds to 10^q (checked against BigInteger by a test). Indexed by the exponent, the load does not wait for q.
    /// </summary>
    internal static ReadOnlySpan<ulong> PowersOf5ByExponent =>
    [
        1, 5, 25, 25, 125, 125, 125, 625, 625, 625, 3125, 3125, 3125, 3125, 15625, 15625, 15625, 78125, 78125, 78125,
        390625, 390625, 390625, 390625, 1953125, 1953125, 1953125, 9765625, 9765625, 9765625, 48828125, 48828125,
        48828125, 48828125, 244140625, 244140625, 244140625, 1220703125, 1220703125, 1220703125, 6103515625,
        6103515625, 6103515625, 6103515625, 30517578125, 30517578125, 30517578125, 152587890625, 152587890625,
        152587890625, 762939453125, 762939453125, 762939453125, 762939453125, 3814697265625, 3814697265625,
        3814697265625, 19073486328125, 19073486328125, 19073486328125, 95367431640625, 95367431640625, 95367431640625,
        95367431640625, 476837158203125, 476837158203125, 476837158203125, 2384185791015625, 2384185791015625,
    ];

    /// <summary>10^n for n = 0 … 17 (checked against BigInteger by a test).</summary>
    internal static ReadOnlySpan<ulong> PowersOf10 =>
    [
        1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000, 10000000000, 100000000000,
        1000000000000, 10000000000000, 100000000000000, 1000000000000000, 10000000000000000, 100000000000000000,
    ];

    /// <summary>
    /// Writes <paramref name="value"/> as <c>value.ToString("R", InvariantCulture)</c> would into <paramref name="destination"/>
    /// and returns the length, or 0 when the value is outside the range handled here or the destination is shorter
    /// than <see cref="MaxLength"/>.
    /// </summary>
    public static int TryFormat(double value, Span<char> destination)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        var ieeeExponent = (int)(bits >> MantissaBits) & 0x7FF;
        if (destination.Length < MaxLength)
        {
            return 0;
        }

        ref var start = ref destination[0];
        var at = (int)(bits >> 63);
        start = '-';
        if ((uint)(ieeeExponent - MinExponent) > MaxExponent - MinExponent)
        {
            if (bits << 1 != 0)
            {
                return 0; // subnormal, infinite, NaN or written with an exponent
            }

            Unsafe.Add(ref start, at) = '0';
            return at + 1;
        }

        ref var text = ref Unsafe.Add(ref start, at);
        var ieeeMantissa = bits & ((1UL << MantissaBits) - 1);
        var m2 = (1UL << MantissaBits) | ieeeMantissa;
        ulong digits;
        int exponent;
        var fractionBits = Bias + MantissaBits - ieeeExponent;
        if ((uint)fractionBits <= MantissaBits && (m2 & ((1UL << fractionBits) - 1)) == 0)
        {
            // A whole number below 2^53 (at most 16 digits): its digits as they are.
            (digits, exponent) = (m2 >> fractionBits, 0);
        }
        else
        {
            digits = Decimal(ieeeMantissa, ieeeExponent, out exponent);
        }

        var length = DecimalLength(digits);
        var scientific = exponent + length - 1; // value = d.ddd × 10^scientific
        if ((uint)(scientific + 4) > 20)
        {
            return 0; // outside -4 … 16: .NET writes an exponent
        }

        // Where the digits go: 0.000ddd (over the zeros not needed), ddd00, or one place right of d.ddd.
        var digitsAt = 1;
        if (exponent >= 0)
        {
            digitsAt = 0;
        }
        else if (scientific < 0)
        {
            Unsafe.Add(ref text, 0) = '0';
            Unsafe.Add(ref text, 1) = '.';
            Unsafe.Add(ref text, 2) = '0';
            Unsafe.Add(ref text, 3) = '0';
            Unsafe.Add(ref text, 4) = '0';
            digitsAt = 1 - scientific;
        }

        WriteDigits(ref Unsafe.Add(ref text, digitsAt), digits, length);
        if (scientific < 0)
        {
            return at + digitsAt + length;
        }

        if (exponent >= 0)
        {
            for (var z = 0; z < exponent; z++)
            {
                Unsafe.Add(ref text, length + z) = '0';
            }

            return at + length + exponent;
        }

        // The whole part moved back over the point.
        for (var k = 0; k <= scientific; k++)
        {
            Unsafe.Add(ref text, k) = Unsafe.Add(ref text, k + 1);
        }

        Unsafe.Add(ref text, scientific + 1) = '.';
        return at + length + 1;
    }

    /// <summary>Ryū's d2d: the shortest digits and decimal exponent of a normal double in this range, rounded to the nearest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Decimal(ulong ieeeMantissa, int ieeeExponent, out int exponent)
    {
        var e2 = ieeeExponent - Bias - MantissaBits - 2;
        var m2 = (1UL << MantissaBits) | ieeeMantissa;
        var acceptBounds = (m2 & 1) == 0;
        var mv = 4 * m2;
        var mmShift = ieeeMantissa != 0 ? 1UL : 0UL;
        ulong vr, vp, vm;
        int e10;
        var vmIsTrailingZeros = false;
        var vrIsTrailingZeros = false;
        if (e2 < 0)
        {
            var q = Log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
            e10 = q + e2;
            // mv × 5^i, then the bounds (mv + 2) × 5^i and (mv − 1 − mmShift) × 5^i by adding and subtracting.
            var pow5 = PowersOf5ByExponent[-e2];
            var high = MultiplyHigh(mv, pow5);
            var low = mv * pow5;
            var up = low + 2 * pow5;
            var down = low - (1 + mmShift) * pow5;
            vr = ShiftRight(high, low, q);
            vp = ShiftRight(high + (up < low ? 1UL : 0UL), up, q);
            vm = ShiftRight(high - (down > low ? 1UL : 0UL), down, q);
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
            else
            {
                vrIsTrailingZeros = (mv & ((1UL << q) - 1)) == 0; // q ≤ 46 here
            }
        }
        else
        {
            // 2^54 ≤ v < 2^57: q = 0, so every bound is a multiple of 5^0.
            e10 = 0;
            vr = mv << e2;
            vp = (mv + 2) << e2;
            vm = (mv - 1 - mmShift) << e2;
            if (mv % 5 == 0)
            {
                vrIsTrailingZeros = true;
            }
            else if (acceptBounds)
            {
                vmIsTrailingZeros = true;
            }
            else
            {
                --vp;
            }
        }

        var removed = 0;
        ulong output;
        if (!vmIsTrailingZeros && !vrIsTrailingZeros)
        {
            // The common case (over 99 %): no exact halfway or bound to care for.
            var roundUp = false;
            var vpBy100 = vp / 100;
            var vmBy100 = vm / 100;
            if (vpBy100 > vmBy100)
            {
                var vrBy100 = vr / 100;
                roundUp = vr - 100 * vrBy100 >= 50;
                (vr, vp, vm) = (vrBy100, vpBy100, vmBy100);
                removed = 2;
            }

            while (true)
            {
                var vpBy10 = vp / 10;
                var vmBy10 = vm / 10;
                if (vpBy10 <= vmBy10)
                {
                    break;
                }

                var vrBy10 = vr / 10;
                roundUp = vr - 10 * vrBy10 >= 5;
                (vr, vp, vm) = (vrBy10, vpBy10, vmBy10);
                removed++;
            }

            output = vr + (vr == vm || roundUp ? 1UL : 0UL);
        }
        else
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

        exponent = e10 + removed;
        return output;
    }

    /// <summary>⌊log10 5^e⌋.</summary>
    private static int Log10Pow5(int e) => (int)(((uint)e * 732923) >> 20);

    /// <summary>The high 64 bits of the 128-bit product a × b (the low ones are a × b as a ulong).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyHigh(ulong a, ulong b) => Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : MultiplyHighPortably(a, b);

    /// <summary><see cref="MultiplyHigh"/> from 32-bit halves: (ah·2^32 + al)(bh·2^32 + bl), the middle terms carried up.</summary>
    internal static ulong MultiplyHighPortably(ulong a, ulong b)
    {
        var (ah, al, bh, bl) = (a >> 32, a & 0xFFFFFFFF, b >> 32, b & 0xFFFFFFFF);
        var (lowLow, lowHigh, highLow) = (al * bl, al * bh, ah * bl);
        var middle = (lowLow >> 32) + (lowHigh & 0xFFFFFFFF) + (highLow & 0xFFFFFFFF);
        return ah * bh + (lowHigh >> 32) + (highLow >> 32) + (middle >> 32);
    }

    /// <summary>(high·2^64 + low) >> q, for 0 ≤ q &lt; 64 (Ryū's shiftright128, here also for q = 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ShiftRight(ulong high, ulong low, int q) => (high << 1 << (63 - q)) | (low >> q);

    /// <summary>Number of decimal digits of <paramref name="v"/> (1 ≤ v &lt; 10^17).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DecimalLength(ulong v)
    {
        // 1233 / 4096 ≈ log10 2: t is the number of digits or one fewer.
        var t = ((64 - BitOperations.LeadingZeroCount(v)) * 1233) >> 12;
        return t + (v >= PowersOf10[t] ? 1 : 0);
    }

    /// <summary>The <paramref name="count"/> digits of <paramref name="v"/> from <paramref name="first"/> on, two at a time from the right.</summary>
    private static void WriteDigits(ref char first, ulong v, int count)
    {
        // Blocks of eight from the right (no loop over a 16- or 17-digit number), then pairs.
        ref var end = ref Unsafe.Add(ref first, count);
        while (count > 8)
        {
            var high = v / 100_000_000;
            end = ref Unsafe.Subtract(ref end, 8);
            WriteEight(ref end, (uint)(v - high * 100_000_000));
            v = high;
            count -= 8;
        }

        var rest = (uint)v;
        if (count == 8)
        {
            WriteEight(ref first, rest);
            return;
        }

        while (rest >= 100)
        {
            var next = rest / 100;
            end = ref Unsafe.Subtract(ref end, 2);
            WritePair(ref end, rest - next * 100);
            rest = next;
        }

        if (rest >= 10)
        {
            WritePair(ref first, rest);
        }
        else
        {
            first = (char)('0' + rest);
        }
    }

    /// <summary>The eight digits of <paramref name="v"/> (below 10^8, with leading zeros) from <paramref name="at"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteEight(ref char at, uint v)
    {
        var upper = v / 10_000;
        var lower = v - upper * 10_000;
        var a = upper / 100;
        var b = lower / 100;
        WritePair(ref at, a);
        WritePair(ref Unsafe.Add(ref at, 2), upper - a * 100);
        WritePair(ref Unsafe.Add(ref at, 4), b);
        WritePair(ref Unsafe.Add(ref at, 6), lower - b * 100);
    }

    /// <summary>The two digits of <paramref name="pair"/> (below 100) at <paramref name="at"/>, copied as one 32-bit word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WritePair(ref char at, uint pair) =>
        Unsafe.WriteUnaligned(ref Unsafe.As<char, byte>(ref at),
            Unsafe.ReadUnaligned<uint>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref Unsafe.AsRef(in Pairs.GetPinnableReference()), 2 * (int)pair))));
}
