using CivicGrid.Web.Notifications.Texts;

namespace CivicGrid.Tests.Notifications;

/// <summary>SMS parts counted as operators count them.</summary>
public sealed class SmsLengthSpec
{
    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Chinese_text_is_ucs2_of_70_alone_and_67_per_part(int characters, int segments)
    {
        var length = SmsLength.Of(new string('网', characters));
        Assert.True(length.Unicode);
        Assert.Equal(segments, length.Segments);
    }

    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Gsm7_text_is_160_alone_and_153_per_part(int characters, int segments)
    {
        var length = SmsLength.Of(new string('a', characters));
        Assert.False(length.Unicode);
        Assert.Equal(segments, length.Segments);
    }

    [Theory]
    [InlineData("€")]
    [InlineData("^")]
    [InlineData("{")]
    [InlineData("[")]
    public void Characters_of_the_extension_table_count_twice(string character)
    {
        Assert.Equal(new SmsLength(false, 2, 1), SmsLength.Of(character));
        Assert.Equal(2, SmsLength.Of(new string('a', 159) + character).Segments);
    }

    [Fact]
    public void One_character_outside_gsm7_makes_the_whole_text_ucs2()
    {
        var length = SmsLength.Of(new string('a', 69) + "…");
        Assert.Equal(new SmsLength(true, 70, 1), length);
        Assert.Equal(2, SmsLength.Of(new string('a', 70) + "…").Segments);
    }
}
