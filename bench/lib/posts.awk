# Writes a recipe of generated News Commentary posts, imported by the CLI (recipes apply).
#   awk -v first=1 -v count=10000 -f bench/lib/posts.awk > posts.recipe.json
#
# Every post quotes the same paragraph (so a common query, "kremlin integration", matches them all
# and must be ranked) and carries one word of its own, benchpostNNNNN (so a rare query matches one).
# Every post is tagged "Bench" (one tag as big as the site) and one of 20 smaller tags.
# Posts fall in the six months January to June 2021 whatever their number, so a site of 100 posts
# and one of 10,000 show the same months in the archive and a full first page on every list:
# what a reader sees is the same, and only the number of posts behind it differs.
# Every post makes one forecast (for /forecasts): a third open, a third resolved "happened", a third
# "did not happen", each with a probability (0 to 99 %) the record's Brier score and calibration
# table count; the post's own forecast id is benchforecastNNNNNNNNNNNNN (26 characters, as the site's ids).
BEGIN {
    if (first == "") first = 1
    if (count == "") count = 100
    printf "{ \"name\": \"BenchPosts\", \"displayName\": \"Bench posts %d to %d\", \"steps\": [ { \"name\": \"content\", \"Data\": [\n", first, first + count - 1
    for (i = first; i < first + count; i++) {
        if (i > first) printf ",\n"
        month = 1 + (i % 6)
        day = 1 + int(i / 6) % 28
        hour = int(i / 168) % 24
        minute = int(i / 4032) % 60
        printf "{ \"ContentItemId\": \"benchpost%017d\", \"ContentType\": \"NewsCommentary\", \"Published\": true, \"Latest\": true,", i
        printf " \"PublishedUtc\": \"2021-%02d-%02dT%02d:%02d:00Z\", \"CreatedUtc\": \"2021-01-01T10:00:00Z\", \"ModifiedUtc\": \"2021-01-01T10:00:00Z\",", month, day, hour, minute
        printf " \"TitlePart\": { \"Title\": \"Bench post %d\" }, \"AutoroutePart\": { \"Path\": \"bench/post-%d\" },", i, i
        printf " \"QuotePart\": { \"Headline\": \"Kremlin weighs integration talks %d\", \"Attribution\": \"Bench Wire\",", i
        printf " \"Text\": \"Russian President Vladimir Putin and Belarus strongman Alexander Lukashenko will discuss plans to further integrate their countries on Monday, the Kremlin said. benchpost%05d\\n\\nThe two leaders would meet in the Black Sea resort of Sochi to discuss further integration plans as well as key trade and energy projects.\" },", i
        printf " \"AnalysisPart\": { \"Markdown\": \"Analysis of post %d: the *integration* question again, and [what it means](https://example.org/notes/%d) for the **region**.\" },", i, i
        printf " \"SourceLinkPart\": { \"Url\": \"https://news.example.invalid/story-%d\", \"Title\": \"Story %d\", \"Publication\": \"Bench Wire\" },", i, i
        printf " \"TagsPart\": { \"Tags\": [\"Bench\", \"Tag %d\"] },", i % 20
        printf " \"ForecastPart\": { \"Forecasts\": [ { \"Id\": \"benchforecast%013d\", \"Statement\": \"Integration talk %d ends in a treaty\", \"Probability\": %d, \"ResolveByUtc\": \"2022-01-01T00:00:00Z\"", i, i, i % 100
        if (i % 3 == 1) printf ", \"Outcome\": \"Happened\", \"Note\": \"Signed.\", \"ResolvedUtc\": \"2022-01-02T00:00:00Z\""
        if (i % 3 == 2) printf ", \"Outcome\": \"DidNotHappen\", \"Note\": \"No treaty.\", \"ResolvedUtc\": \"2022-01-02T00:00:00Z\""
        printf " } ] } }"
    }
    printf "\n] } ] }\n"
}
