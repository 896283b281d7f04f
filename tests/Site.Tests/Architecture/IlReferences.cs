using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace Site.Tests.Architecture;

/// <summary>
/// The methods, fields and types a type's code refers to, read from its IL, with the code the compiler
/// moves into nested types (lambdas, async and iterator state machines) counted as the type's own.
/// </summary>
public static class IlReferences
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> s_opCodes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static bool IsCompilerGenerated(Type type)
        => type.IsDefined(typeof(CompilerGeneratedAttribute), false) || type.Name.Contains('<', StringComparison.Ordinal);

    /// <summary>Everything the type's own code (and its compiler-generated nested types) refers to.</summary>
    public static IReadOnlyList<MemberInfo> Of(Type type)
    {
        var found = new List<MemberInfo>();
        foreach (var t in WithGeneratedNested(type))
        {
            foreach (var method in t.GetMethods(Everything).Cast<MethodBase>().Concat(t.GetConstructors(Everything)))
            {
                found.AddRange(Scan(method).OfType<MemberInfo>());
            }
        }

        return found;
    }

    /// <summary>The string literals in the type's code (and its compiler-generated nested types).</summary>
    public static IReadOnlyList<string> StringsOf(Type type)
    {
        var found = new List<string>();
        foreach (var t in WithGeneratedNested(type))
        {
            foreach (var method in t.GetMethods(Everything).Cast<MethodBase>().Concat(t.GetConstructors(Everything)))
            {
                found.AddRange(Scan(method).OfType<string>());
            }
        }

        return found;
    }

    private static IEnumerable<Type> WithGeneratedNested(Type type)
    {
        yield return type;
        foreach (var nested in type.GetNestedTypes(Everything).Where(IsCompilerGenerated))
        {
            foreach (var inner in WithGeneratedNested(nested))
            {
                yield return inner;
            }
        }
    }

    /// <summary>Each member (MemberInfo) and string literal (string) the method's IL refers to.</summary>
    private static IEnumerable<object> Scan(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[position++]));
            }

            var code = s_opCodes[value];
            var size = OperandSize(code, il, position);
            if (code.OperandType == OperandType.InlineString)
            {
                yield return method.Module.ResolveString(BitConverter.ToInt32(il, position));
            }
            else if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok or OperandType.InlineType)
            {
                var token = BitConverter.ToInt32(il, position);
                MemberInfo? member = null;
                try
                {
                    member = method.Module.ResolveMember(token, typeArgs, methodArgs);
                }
                catch (ArgumentException)
                {
                    // A token the runtime cannot resolve out of context (rare generic cases): nothing to learn from it.
                }

                if (member is not null)
                {
                    yield return member;
                }
            }

            position += size;
        }
    }

    private static int OperandSize(OpCode code, byte[] il, int position) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}
