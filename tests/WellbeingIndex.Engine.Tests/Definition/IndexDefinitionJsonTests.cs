using Newtonsoft.Json.Linq;
using WellbeingIndex.Engine.Definition;

namespace WellbeingIndex.Engine.Tests.Definition;

public class IndexDefinitionJsonTests
{
    private const string Valid = """
        {
          "id": "demo",
          "name": "Demo index",
          "steps": [
            {"step": "impute", "method": "mean"},
            {"step": "normalise", "method": "minmax", "l": 0, "u": 100},
            {"step": "aggregate", "method": "amean"}
          ],
          "levels": [{"level": 3, "name": "Index", "aggregate": {"method": "gmean"}}],
          "nodes": [
            {"code": "pay", "type": "indicator", "parent": "income", "weight": 2, "direction": 1, "transform": {"method": "log"}},
            {"code": "rent", "type": "indicator", "parent": "income", "direction": -1, "normalise": {"method": "zscore", "m": 100, "s": 10}},
            {"code": "parks", "type": "indicator", "parent": "green"},
            {"code": "income", "type": "aggregate", "parent": "index", "minCoverage": 0.5},
            {"code": "green", "type": "aggregate", "parent": "index", "aggregate": {"method": "min"}},
            {"code": "index", "type": "aggregate", "parent": null}
          ]
        }
        """;

    [Fact]
    public void Reads_the_hierarchy_levels_and_method_choices()
    {
        var d = IndexDefinitionJson.Read(Valid);

        Assert.Equal("index", d.Root.Code);
        Assert.Equal(3, d.Depth);
        Assert.Equal(["pay", "rent", "parks"], d.Indicators.Select(i => i.Code));
        Assert.Equal(["income", "green", "index"], d.AggregatesBottomUp.Select(a => a.Code));
        Assert.Equal(2, d.LevelOf("income"));
        Assert.Equal(-1, d["rent"].Direction);
        Assert.Equal("zscore", d.NormalisationOf(d["rent"])!.Method);
        Assert.Equal(100, d.NormalisationOf(d["rent"])!.Number("m", 0));
        Assert.Equal("minmax", d.NormalisationOf(d["pay"])!.Method);
        // Node override beats level default beats step default.
        Assert.Equal("min", d.AggregationOf(d["green"]).Method);
        Assert.Equal("amean", d.AggregationOf(d["income"]).Method);
        Assert.Equal("gmean", d.AggregationOf(d["index"]).Method);
        Assert.Equal(0.5, d["income"].MinCoverage);
    }

    [Fact]
    public void Round_trips_through_json()
    {
        var d = IndexDefinitionJson.Read(Valid);
        var again = IndexDefinitionJson.Read(IndexDefinitionJson.ToJson(d).ToString());

        Assert.Equal(IndexDefinitionJson.ToJson(d).ToString(), IndexDefinitionJson.ToJson(again).ToString());
        Assert.Equal(d.Nodes.ToArray(), again.Nodes.ToArray());
        Assert.Equal(d.Steps.ToArray(), again.Steps.ToArray());
    }

    [Fact]
    public void Polarity_defaults_to_higher_is_better_is_read_validated_and_kept_by_copies()
    {
        Assert.False(IndexDefinitionJson.Read(Valid).HigherIsWorse);
        Assert.DoesNotContain("higherIsWorse", IndexDefinitionJson.ToJson(IndexDefinitionJson.Read(Valid)).ToString(), StringComparison.Ordinal);

        var json = JObject.Parse(Valid);
        json["higherIsWorse"] = true;
        var deprivation = IndexDefinitionJson.Read(json.ToString());
        Assert.True(deprivation.HigherIsWorse);
        Assert.True(IndexDefinitionJson.Read(IndexDefinitionJson.ToJson(deprivation).ToString()).HigherIsWorse);
        Assert.True(deprivation.With(minCoverage: 0.5).HigherIsWorse); // what-if copies
        Assert.True(deprivation.WithTime(null).HigherIsWorse);

        json["higherIsWorse"] = "yes";
        var e = Assert.Throws<DefinitionException>(() => IndexDefinitionJson.Read(json.ToString()));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("$.higherIsWorse", problem.Path);
        Assert.Equal("must be true or false, got the string \"yes\".", problem.Message);
    }

    [Fact]
    public void Reports_every_problem_with_its_json_path()
    {
        var json = JObject.Parse(Valid);
        var nodes = (JArray)json["nodes"]!;
        nodes[0]!["weight"] = 0;                       // weight <= 0
        nodes[1]!["direction"] = 2;                    // direction not ±1
        nodes[2]!["parent"] = "nowhere";               // unknown parent
        nodes[3]!["minCoverage"] = 1.5;                // out of range
        ((JObject)nodes[4]!)["aggregate"] = new JObject { ["method"] = "median-of-means" }; // unknown method
        json["steps"]![1]!["method"] = "minmaxx";      // unknown method in a step

        var e = Assert.Throws<DefinitionException>(() => IndexDefinitionJson.Read(json.ToString()));

        var paths = e.Problems.Select(p => p.Path).ToList();
        Assert.Contains("$.nodes[0].weight", paths);
        Assert.Contains("$.nodes[1].direction", paths);
        Assert.Contains("$.nodes[2].parent", paths);
        Assert.Contains("$.nodes[3].minCoverage", paths);
        Assert.Contains("$.nodes[4].aggregate.method", paths);
        Assert.Contains("$.steps[1].method", paths);
        Assert.Contains("unknown parent 'nowhere'", e.Problems.Single(p => p.Path == "$.nodes[2].parent").Message);
    }

    [Fact]
    public void Reports_method_parameters_out_of_range()
    {
        var json = JObject.Parse(Valid);
        json["steps"]![1]!["l"] = 100; // l must be below u = 100

        var e = Assert.Throws<DefinitionException>(() => IndexDefinitionJson.Read(json.ToString()));

        Assert.Contains(e.Problems, p => p.Path.StartsWith("$.steps[1]", StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_a_cycle()
    {
        var json = JObject.Parse(Valid);
        var nodes = (JArray)json["nodes"]!;
        nodes[3]!["parent"] = "green";   // income -> green
        nodes[4]!["parent"] = "income";  // green -> income

        var e = Assert.Throws<DefinitionException>(() => IndexDefinitionJson.Read(json.ToString()));

        Assert.Contains(e.Problems, p => p.Message.StartsWith("cycle:", StringComparison.Ordinal) && p.Message.Contains("income") && p.Message.Contains("green"));
    }

    [Fact]
    public void Reports_wrong_types_duplicates_roots_and_step_order()
    {
        var json = JObject.Parse(Valid);
        var nodes = (JArray)json["nodes"]!;
        nodes[0]!["weight"] = "heavy";
        nodes[2]!["code"] = "pay";
        nodes[4]!["parent"] = null;
        json["extra"] = 1;
        var e = Assert.Throws<DefinitionException>(() => IndexDefinitionJson.Read(json.ToString()));
        Assert.Contains(e.Problems, p => p.Path == "$.nodes[0].weight" && p.Message.Contains("must be a number, got the string \"heavy\""));
        Assert.Contains(e.Problems, p => p.Path == "$.extra");

        json.Remove("extra");
        nodes[0]!["weight"] = 1;
        e = Assert.Throws<DefinitionException>(() => IndexDefinitionJson.Read(json.ToString()));
        Assert.Contains(e.Problems, p => p.Path == "$.nodes[2].code" && p.Message.Contains("already used by $.nodes[0]"));
        // green (nodes[4]) is the first root met; the index (nodes[5]) is reported as the second.
        Assert.Contains(e.Problems, p => p.Path == "$.nodes[5].parent" && p.Message.Contains("only one root"));

        var steps = JObject.Parse(Valid);
        var s = (JArray)steps["steps"]!;
        var aggregate = s[2]!;
        s.RemoveAt(2);
        s.Insert(0, aggregate);
        e = Assert.Throws<DefinitionException>(() => IndexDefinitionJson.Read(steps.ToString()));
        Assert.Contains(e.Problems, p => p.Path == "$.steps[0].step" && p.Message.Contains("must be the last step"));
    }

    [Fact]
    public void Without_a_normalise_step_direction_and_normalise_overrides_are_errors()
    {
        var json = JObject.Parse(Valid);
        ((JArray)json["steps"]!).RemoveAt(1); // drop normalise

        var e = Assert.Throws<DefinitionException>(() => IndexDefinitionJson.Read(json.ToString()));

        // rent is lower-is-better and has a zscore override: both would be silently ignored without normalisation.
        Assert.Equal(["$.nodes[1].direction", "$.nodes[1].normalise"], e.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Integers_beyond_64_bits_are_read_as_numbers_not_crashes()
    {
        // Newtonsoft reads 10^30 as a BigInteger (which Value<double>() cannot convert) and refuses ~10^400 outright.
        var big = "1" + new string('0', 30);
        var d = IndexDefinitionJson.Read(Valid.Replace("\"weight\": 2", $"\"weight\": {big}", StringComparison.Ordinal));
        Assert.Equal(1e30, d["pay"].Weight);

        var huge = "1" + new string('0', 400);
        var e = Assert.Throws<DefinitionException>(() => IndexDefinitionJson.Read(Valid.Replace("\"weight\": 2", $"\"weight\": {huge}", StringComparison.Ordinal)));
        Assert.Equal("$.nodes[0].weight", e.Problems.Single().Path);
        Assert.Contains("not valid JSON", e.Problems.Single().Message);
    }

    [Fact]
    public void Rejects_malformed_json_with_a_path()
    {
        var e = Assert.Throws<DefinitionException>(() => IndexDefinitionJson.Read("{\"id\": \"x\", \"nodes\": [ {\"code\": }"));

        Assert.Contains("not valid JSON", e.Problems.Single().Message);
    }

    [Fact]
    public void Rejects_an_indicator_at_the_root_and_an_aggregate_without_children()
    {
        var json = JObject.Parse(Valid);
        ((JArray)json["nodes"]!).Add(JObject.Parse("""{"code": "empty", "type": "aggregate", "parent": "index"}"""));

        var e = Assert.Throws<DefinitionException>(() => IndexDefinitionJson.Read(json.ToString()));

        Assert.Contains(e.Problems, p => p.Path == "$.nodes[6]" && p.Message.Contains("has no children"));
    }
}
