using System.Net;
using System.Net.Http.Headers;
using CivicGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents;

/// <summary>Residents sign in with their mobile number and a one-time code sent by SMS: no password, no registration.</summary>
public sealed class SignInTests : AppTest
{
    private const string Phone = "13912345678";

    [Fact]
    public async Task A_code_arrives_by_sms_and_signs_the_resident_in()
    {
        var resident = await App.SignInResidentAsync("+86 139-1234-5678");

        var sms = Assert.Single(App.Sink().Messages);
        Assert.Equal(Phone, sms.Phone);
        Assert.Equal("SignInCode", sms.Template);
        Assert.Contains("验证码", sms.Text);
        await (await resident.GetAsync("/api/v1/resident/reports/mine")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, await App.QueryAsync(db => db.Residents.CountAsync(r => r.Phone == Phone)));
    }

    [Fact]
    public async Task Signing_in_again_with_the_same_number_is_the_same_account()
    {
        await App.SignInResidentAsync(Phone);
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        await App.SignInResidentAsync(Phone);

        Assert.Equal(1, await App.QueryAsync(db => db.Residents.CountAsync(r => r.Phone == Phone)));
    }

    [Fact]
    public async Task Only_the_stored_hash_of_a_code_is_kept()
    {
        var client = App.CreateClient();
        await (await client.AskCodeAsync(Phone)).ShouldBe(HttpStatusCode.OK);

        var code = App.CodeSentTo(Phone);
        var stored = await App.QueryAsync(db => db.ResidentSignInCodes.SingleAsync());
        Assert.DoesNotContain(code, stored.CodeHash);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_five_wrong_tries_kill_the_code()
    {
        var client = App.CreateClient();
        await (await client.AskCodeAsync(Phone)).ShouldBe(HttpStatusCode.OK);
        var right = App.CodeSentTo(Phone);
        var wrong = right == "000000" ? "111111" : "000000";

        var first = await (await client.TrySignInAsync(Phone, wrong)).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Contains("验证码不正确", first.GetProperty("errors").GetProperty("code")[0].GetString());
        for (var i = 0; i < 4; i++)
        {
            await (await client.TrySignInAsync(Phone, wrong)).ShouldBeProblem(HttpStatusCode.BadRequest);
        }

        var exhausted = await (await client.TrySignInAsync(Phone, right)).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Contains("错误次数过多", exhausted.GetProperty("errors").GetProperty("code")[0].GetString());
        Assert.Equal(0, await App.QueryAsync(db => db.Residents.CountAsync(r => r.Phone == Phone)));
    }

    [Fact]
    public async Task A_code_expires_after_five_minutes()
    {
        var client = App.CreateClient();
        await (await client.AskCodeAsync(Phone)).ShouldBe(HttpStatusCode.OK);
        App.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var problem = await (await client.TrySignInAsync(Phone, App.CodeSentTo(Phone))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Contains("已失效", problem.GetProperty("errors").GetProperty("code")[0].GetString());
    }

    [Fact]
    public async Task A_code_signs_in_once()
    {
        var client = App.CreateClient();
        await (await client.AskCodeAsync(Phone)).ShouldBe(HttpStatusCode.OK);
        var code = App.CodeSentTo(Phone);

        await (await client.TrySignInAsync(Phone, code)).ShouldBe(HttpStatusCode.OK);
        await (await client.TrySignInAsync(Phone, code)).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("23912345678")]
    [InlineData("1391234567x")]
    [InlineData("")]
    public async Task A_number_that_is_not_a_mobile_number_gets_a_clear_error_and_no_sms(string phone)
    {
        var problem = await (await App.CreateClient().AskCodeAsync(phone)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Contains("11 位手机号", problem.GetProperty("errors").GetProperty("phone")[0].GetString());
        Assert.Empty(App.Sink().Messages);
        Assert.Equal(0, await App.QueryAsync(db => db.ResidentSignInCodes.CountAsync()));
    }

    [Fact]
    public async Task A_number_waits_a_minute_between_codes_and_is_told_how_long()
    {
        var client = App.CreateClient();
        await (await client.AskCodeAsync(Phone)).ShouldBe(HttpStatusCode.OK);
        App.Clock.Advance(TimeSpan.FromSeconds(20));

        var again = await client.AskCodeAsync(Phone);
        var problem = await again.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(40), again.Headers.RetryAfter?.Delta);
        Assert.Contains("40 秒", problem.GetProperty("detail").GetString());
        Assert.Single(App.Sink().Messages);

        App.Clock.Advance(TimeSpan.FromSeconds(40));
        await (await client.AskCodeAsync(Phone)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_number_gets_at_most_five_codes_an_hour()
    {
        var client = App.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await (await client.AskCodeAsync(Phone)).ShouldBe(HttpStatusCode.OK);
            App.Clock.Advance(TimeSpan.FromMinutes(2));
        }

        await (await client.AskCodeAsync(Phone)).ShouldBeProblem(HttpStatusCode.TooManyRequests);
        Assert.Equal(5, App.Sink().Messages.Count);

        App.Clock.Advance(TimeSpan.FromMinutes(51));
        await (await client.AskCodeAsync(Phone)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task One_address_asking_for_many_numbers_is_stopped()
    {
        var app = App.WithWebHostBuilder(web => web.UseSetting("Residents:SignIn:PerAddressPerHour", "3"));
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await (await client.AskCodeAsync($"1391234560{i}")).ShouldBe(HttpStatusCode.OK);
        }

        var problem = await (await client.AskCodeAsync("13912345609")).ShouldBeProblem(HttpStatusCode.TooManyRequests);
        Assert.Contains("当前网络", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_resident_token_opens_nothing_of_the_staff_and_a_staff_token_nothing_of_the_residents()
    {
        var resident = await App.SignInResidentAsync(Phone);
        var staff = await App.SignInAsync("qiumeiling");

        await (await resident.GetAsync("/api/v1/todo")).ShouldBe(HttpStatusCode.Unauthorized);
        await (await staff.GetAsync("/api/v1/resident/reports/mine")).ShouldBe(HttpStatusCode.Unauthorized);
        var anonymous = App.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        await (await anonymous.GetAsync("/api/v1/resident/reports/mine")).ShouldBe(HttpStatusCode.Unauthorized);
    }
}
