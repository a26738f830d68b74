// STAND-IN, NOT .NET: the two System.ComponentModel.DataAnnotations attributes NinjaScript inputs use
// ([Display], [Range]). build.sh compiles this file into the stand-in only when Mono's real
// System.ComponentModel.DataAnnotations.dll is not installed (Debian package
// libmono-system-componentmodel-dataannotations4.0-cil). NinjaTrader uses the real .NET Framework one.

using System;

namespace System.ComponentModel.DataAnnotations
{
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Method, AllowMultiple = false)]
    public sealed class DisplayAttribute : Attribute
    {
        public string Name { get; set; }
        public string ShortName { get; set; }
        public string Description { get; set; }
        public string Prompt { get; set; }
        public string GroupName { get; set; }
        public int Order { get; set; }
        public Type ResourceType { get; set; }
    }

    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
    public class RangeAttribute : Attribute
    {
        public RangeAttribute(int minimum, int maximum)
        {
            Minimum = minimum;
            Maximum = maximum;
        }

        public RangeAttribute(double minimum, double maximum)
        {
            Minimum = minimum;
            Maximum = maximum;
        }

        public object Minimum { get; private set; }
        public object Maximum { get; private set; }
    }
}
