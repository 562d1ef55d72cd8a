//! How a query's wording is read for the warning-sign cues: a reassurance ends with its clause
//! ("no fever, calf swollen" keeps the calf) unless a list goes on, and one that ends its own
//! clause ("probably nothing, calf swollen") negates nothing; a negation carries on after
//! "problems" or "issues" ("no problems with wees or poos"); a cleared phrase may list its words'
//! alternatives ("wee/pee fine"); a worry that also describes the leg ("veins bulging, is it a
//! clot?") is read by what it describes, while a bare worry ("is it a dvt") still shows the sign;
//! a meal or the last hour dates a change as sudden; "worse fast" and "weaker every day" are a
//! change going on; "puffed up" is swollen, not out of breath; a guess at an everyday cause
//! ("probably just slept on it") does not explain a sudden change away; a dropped final g
//! ("coughin") is read as the word; "keeping fluids down now" is no vomiting without a break;
//! in a long story, a sign holds only with words told of one thing.

use crate::cues::{assert_cues, ANGIOGRAM, BREATHING, EMERGENCY, HEAT, URGENT};

#[test]
fn a_reassurance_ends_with_its_clause_unless_a_list_goes_on() {
    assert_cues(&[
        // Before the fix the negation ran on past the comma and hid the red flags after it.
        (
            "no fever, calf swollen red hot",
            Some((URGENT, "New swelling in one leg")),
        ),
        (
            "no injury, foot suddenly cold and pale",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        // A list separated by commas is still negated as a whole.
        ("calf aches at night, no swelling, redness or heat", None),
        // A negating word that ends its own clause negates nothing after it, nor does "nothing
        // but"; a declared phrase it begins is negated whole.
        (
            "its probably nothing, calf swollen and a bit breathless",
            Some((EMERGENCY, "Chest pain, breathlessness")),
        ),
        (
            "prob nothing but calf swollen bit breathless",
            Some((EMERGENCY, "Chest pain, breathlessness")),
        ),
        (
            "my calf is swollen and tight with a red patch, im not short of breath at all",
            Some((URGENT, "New swelling in one leg")),
        ),
    ]);
}

#[test]
fn reassurances_about_the_bladder_and_bowels_show_no_spine_sign() {
    assert_cues(&[
        ("sciatica down one leg, no problems with wees or poos", None),
        ("no issues with my bladder or bowels, sciatica for 6 weeks", None),
        ("shooting pain down my leg, can still walk and wee fine", None),
        ("sciatica, bladder and bowels working fine", None),
        ("sciatica for eight weeks, bladder and bowels are all normal", None),
        (
            "back pain for a week and i keep needing to pee but nothing comes",
            Some((EMERGENCY, "Back pain or sciatica")),
        ),
        (
            "back pain down one leg for two months, also leak a bit of wee when i cough",
            None,
        ),
        ("didnt fall or bang it but my knee is sore at night", None),
        // PE at school, and the dark at night, are no clot and no colour.
        (
            "11 year old daughter is very bendy and her legs ache at night after PE",
            None,
        ),
        (
            "finished chemo 6 months ago, feet still numb and I wobble in the dark going to the loo",
            None,
        ),
        (
            "type 1 and just started at the gym, my legs are sore at night after leg day",
            None,
        ),
        ("PE teacher, pain everywhere, legs ache at night", None),
        // A fall that is no fall, a bug that has passed, an itch that cannot be scratched.
        (
            "fell asleep on the sofa with my legs folded, when I woke up my leg was dead, I couldn't feel it and nearly fell over, back to normal after a couple of minutes",
            None,
        ),
        (
            "had a tummy bug at the weekend, now eating and drinking normally and weeing as usual, a few short calf cramps in bed",
            None,
        ),
        (
            "31 weeks pregnant, in bed my legs have an unbearable urge to kick and move, like an itch I can't scratch",
            None,
        ),
        // A cold lake and warming up again are no leg gone cold; "isn't" negates.
        (
            "wild swim in a cold lake, legs blotchy and numb after but fine once I warmed up",
            None,
        ),
        (
            "dad has an ulcer on his ankle 3 weeks, it isn't smelly or red, just not healing",
            None,
        ),
        ("calves ache when i walk, toes nice and pink in bed", None),
        // What is not reassured still counts.
        (
            "sciatica, no problems with wees but my bottom has gone numb",
            Some((EMERGENCY, "Back pain or sciatica")),
        ),
    ]);
}

#[test]
fn a_worry_that_describes_the_leg_is_read_by_what_it_describes() {
    let clot = "New swelling in one leg";
    assert_cues(&[
        ("my veins are bulging and look gross is it a blood clot", None),
        ("cramp in my calf so bad it felt like tearing, could it be a clot", None),
        // A bare worry still shows the sign: the NHS asks anyone who thinks they have a DVT to
        // get advice the same day.
        ("is it a dvt", Some((URGENT, clot))),
        // A worry with the sign described shows it by the description.
        ("calf swollen red and hot, is it a clot", Some((URGENT, clot))),
        (
            "worried about sepsis, leg red hot and im shivering and confused",
            Some((EMERGENCY, "A red, hot or swollen leg")),
        ),
    ]);
}

#[test]
fn everyday_context_added_to_a_description_shows_no_sign_but_a_change_does() {
    assert_cues(&[
        // Hot weather is no hot leg; hands that go numb too are no spreading numbness; a stroke
        // in the past is no stroke now; walking pain that also aches in bed is not rest pain
        // until the reader says it changed.
        ("legs ache at night and my ankles swell a bit in hot weather", None),
        ("tingly feet at night and my hands go numb at night too", None),
        // Toes that go white in the cold are the cold's doing; weight lost on purpose is no
        // weight loss you cannot explain.
        ("night cramps in my calves and my toes go white in the cold", None),
        ("lost weight on purpose and my legs ache at night", None),
        (
            "toes gone white and ice cold since this morning, foot really painful",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        (
            "dad is bed bound after a stroke and his legs ache on the mattress",
            None,
        ),
        (
            "calf aches walking up the hill, goes when i stop, sometimes aches in bed too",
            None,
        ),
        (
            "numb feet for a month and now my fingers are tingling too",
            Some((URGENT, "Numbness, tingling or weakness")),
        ),
        (
            "calf pain walking to the shops, now it hurts at night too",
            Some((URGENT, "Pain in the foot or toes when you rest")),
        ),
    ]);
}

#[test]
fn a_reassurance_before_or_after_a_warning_sign_never_lowers_its_level() {
    // Every reassurance, said before or after each sign, in its own clause.
    let reassurances = [
        "no fever",
        "no injury",
        "breathing fine",
        "no problems with wees or poos",
        "not diabetic",
        "no swelling, redness or heat",
        "didnt fall or bang it",
        "no pins and needles",
    ];
    let signs = [
        ("foot suddenly cold and pale", EMERGENCY),
        ("calf swollen red and hot", URGENT),
        ("numb bum and cant feel when i wipe", EMERGENCY),
        ("chest pain and breathless with a swollen calf", EMERGENCY),
        ("toe gone black", URGENT),
    ];
    let mut cases = Vec::new();
    for (sign, level) in signs {
        for r in reassurances {
            cases.push((format!("{r}, {sign}"), level));
            cases.push((format!("{sign}. {r}"), level));
        }
    }
    for (q, level) in &cases {
        let shown = crate::cues::level_of(q);
        assert_eq!(shown.as_deref(), Some(*level), "{q:?}");
    }
}

#[test]
fn lay_words_for_a_leg_a_swelling_and_a_redness_are_read_as_the_usual_ones() {
    let clot = "New swelling in one leg";
    assert_cues(&[
        // "limb" is a leg, "bloated" swollen, "angry looking" red, "inflamed" red and swollen.
        (
            "wife had a c section last week, her limb is swollen and now shes coughing up blood",
            Some((EMERGENCY, "Chest pain, breathlessness")),
        ),
        (
            "leg bloated and throbbing a week after my knee op",
            Some((URGENT, clot)),
        ),
        (
            "small cut on my shin from gardening, now an angry looking patch spreading around it",
            Some((URGENT, clot)),
        ),
        ("calf inflamed and sore after a long drive", Some((URGENT, clot))),
    ]);
}

#[test]
fn can_not_and_will_not_say_what_the_reader_cannot_do() {
    assert_cues(&[
        // Before, "not" negated the next word: "can not keep water down" kept nothing.
        (
            "been vomiting all day can not keep water down",
            Some((URGENT, "Signs of serious dehydration")),
        ),
        (
            "ran a marathon in the heat, legs cramping, now not with it and havent peed all day",
            Some((EMERGENCY, HEAT)),
        ),
        // A real negation still negates.
        ("my calf does not hurt, just feels heavy at night", None),
    ]);
}

#[test]
fn a_meal_time_or_the_last_hour_dates_a_change_and_worse_by_the_day_is_going_on() {
    let (blocked, nerves) = ("A leg or foot that suddenly changes", "Numbness, tingling or weakness");
    assert_cues(&[
        // Before, "since teatime" and "last hour" dated nothing, and these showed no 999 sign.
        (
            "leg feels like a block of ice from the knee down since teatime and i cant feel it",
            Some((EMERGENCY, blocked)),
        ),
        (
            "dads foot mottled blueish last hour, hes got AF",
            Some((EMERGENCY, blocked)),
        ),
        // Before, these were read as lasting symptoms (no cue).
        (
            "on chemo feet burning numb worse fast cant feel floor",
            Some((URGENT, nerves)),
        ),
        (
            "legs heavy weaker every day cant do stairs now idk why",
            Some((URGENT, nerves)),
        ),
        ("legs feel weaker at the end of the day", None),
        // Before, the guess "probly just slept on it" explained the sudden change away.
        (
            "leg feels like a block of ice since teatime and i cant feel it, probly just slept on it funny?",
            Some((EMERGENCY, blocked)),
        ),
        // Said as a fact, sleeping on it explains it (no cue).
        ("leg went dead since teatime, i slept on it", None),
    ]);
}

#[test]
fn puffed_up_ankles_are_swollen_not_out_of_breath() {
    // Before, "puffed up" also read as "puffing" (out of breath): the 999 clot-in-the-lung sign.
    assert_cues(&[
        (
            "kidney disease, legs crampy at night as normal, now itchy all over and ankles puffed up",
            None,
        ),
        (
            "calf tight since the flight and now im puffing going up the stairs",
            Some((EMERGENCY, "Chest pain, breathlessness")),
        ),
    ]);
}

#[test]
fn a_dropped_g_is_read_and_keeping_fluids_down_is_no_vomiting_without_a_break() {
    let dehydration = "Signs of serious dehydration";
    assert_cues(&[
        // Before, "coughin" was no cough: the 111 leg-swelling sign, not the 999 one.
        (
            "coughin up blood and one leg puffy since flight from thailand",
            Some((EMERGENCY, "Chest pain, breathlessness")),
        ),
        // Before, "keeping" and "vomiting" anywhere in the query showed the dehydration sign.
        (
            "had a vomiting and diarrhoea bug 2 days, now legs cramp in bed, keeping fluids down now",
            None,
        ),
        ("keep being sick and legs cramping", Some((URGENT, dehydration))),
        ("he keeps throwing up, legs weak", Some((URGENT, dehydration))),
        (
            "after days of vomiting my legs keep cramping and i feel dizzy when i stand",
            Some((URGENT, dehydration)),
        ),
    ]);
}

#[test]
fn a_near_cue_s_words_describe_one_place_not_things_told_apart() {
    let (blocked, joint) = ("A leg or foot that suddenly changes", "A joint, such as a knee");
    assert_cues(&[
        ("my foot is cold and white and i cant move my toes", Some((EMERGENCY, blocked))),
        // Before near cues, "pale ... cant keep her legs still ... move them" was the 999 sign.
        (
            "my teenage son is pale all the time, says he cant keep his legs still in bed at night and has to keep moving them",
            None,
        ),
        ("knee red hot and swollen", Some((URGENT, joint))),
        (
            "knees and fingers puffy like sausages and stiff for an hour every morning, achy and warm at night",
            None,
        ),
    ]);
}

#[test]
fn a_colour_that_comes_with_the_cold_and_a_dead_leg_shaken_off_are_no_sudden_change() {
    let blocked = "A leg or foot that suddenly changes";
    assert_cues(&[
        ("my foot turned white and cold", Some((EMERGENCY, blocked))),
        // "Turned" is read as typed: before, "turn" held the same stem and dated a change.
        (
            "toes turn white then blue when its cold, then red when they warm up",
            None,
        ),
        ("woke with a dead leg and it is still dead", Some((EMERGENCY, blocked))),
        ("woke with a dead leg, shook it and after 2 minutes it was fine", None),
        // A fear of being paralysed is a numb leg: still the 999 sign until it passes.
        (
            "woke up and my leg was dead, thought i was paralysed, after a minute it was fine",
            None,
        ),
        (
            "woke up and couldnt feel my leg, thought i was paralysed",
            Some((EMERGENCY, blocked)),
        ),
        // Boots worn are no boot to the shin.
        ("pins and needles in my foot after wearing tight boots", None),
        (
            "took a boot to the shin, swollen tight and toes tingly",
            Some((EMERGENCY, "After a fall or injury")),
        ),
    ]);
}

#[test]
fn what_a_reader_says_is_totally_fine_or_are_fine_together_shows_no_sign() {
    let (clot, spine) = ("New swelling in one leg", "Back pain or sciatica");
    assert_cues(&[
        // Before, "is totally fine" cleared "totally", and "are fine" only the word before it.
        (
            "calf swollen warm and red, breathing is totally fine",
            Some((URGENT, clot)),
        ),
        (
            "calf swollen warm and red, breathing is bad",
            Some((EMERGENCY, "Chest pain, breathlessness")),
        ),
        (
            "feet tingle and legs weaker, moving up to my knees. breathing and swallowing are fine",
            Some((URGENT, "Numbness, tingling or weakness")),
        ),
        (
            "sciatica and my foot slaps down, waterworks and bowels are normal",
            Some((URGENT, "Numbness, tingling or weakness")),
        ),
        ("sciatica and now i cant control my bladder", Some((EMERGENCY, spine))),
        // Numb legs on a walk that sitting eases are stenosis; getting worse is the spine sign.
        ("both legs go numb when i walk and sitting down helps, bad back", None),
        (
            "bad back and both legs getting more numb this week",
            Some((EMERGENCY, spine)),
        ),
        (
            "numb patch on my thigh, came on this week",
            Some((URGENT, "Numbness, tingling or weakness")),
        ),
        ("woke with a dead leg, came right within a minute", None),
        // "Wiped out" is worn out, not numb when wiping.
        ("legs ache like mad in bed and i feel wiped out", None),
        ("sciatica and i cant feel it when i wipe", Some((EMERGENCY, spine))),
        // Peeing a little less in the heat is for drinking more; hardly any pee for hours
        // with being sick is the dehydration sign.
        (
            "peeing less than usual in the heat, drinking water now, legs cramp",
            None,
        ),
        (
            "been sick all day and hardly peed for hours, legs cramp",
            Some((URGENT, "Signs of serious dehydration")),
        ),
        // Water as pee, told by its colour.
        (
            "thighs ache and my water is the colour of cola",
            Some((EMERGENCY, "After very hard")),
        ),
        ("drinking lots of water and coke, legs ache", None),
    ]);
}

#[test]
fn what_a_reader_does_not_have_is_negated_after_dont_havent_and_none() {
    let clot = "New swelling in one leg";
    assert_cues(&[
        // Before the fix "don't", "haven't got" and "none of" negated nothing.
        (
            "legs ache after the hike, I don't have any swelling and haven't had a fever",
            None,
        ),
        ("bulging veins behind my knee, none of them has ever bled", None),
        // Where "don't" or "haven't" tells what the reader has, it negates nothing.
        (
            "purple spots that don't fade when I press a glass on them and a high temp",
            Some((EMERGENCY, "A red, hot or swollen leg, or any other infection")),
        ),
        (
            "back pain and I haven't had a wee since this morning",
            Some((EMERGENCY, "Back pain or sciatica")),
        ),
        // A negating word right before "and" negates nothing: the wee is dark.
        (
            "started new cholesterol tablets, legs ache like ive run a marathon when i havent and my wee has gone dark like cola",
            Some((EMERGENCY, "After very hard")),
        ),
        // A phrase never spans a negated word: "no temp, feel fine" is no "no feeling".
        (
            "big toe red, swollen and agony, no temp, feel fine otherwise",
            Some((URGENT, "A joint, such as a knee")),
        ),
        // "Seems fine" says the breathing is fine, not the seeming.
        (
            "Mum had her hip replaced three weeks ago. Her left calf has swollen up and it's warm, her breathing seems fine",
            Some((URGENT, clot)),
        ),
    ]);
}

#[test]
fn a_symptom_is_read_where_it_is_told_and_its_context_anywhere() {
    let clot = "New swelling in one leg";
    assert_cues(&[
        // The flight is told two sentences before the calf (a near cue's context).
        (
            "I flew back from Australia on Sunday and slept badly all week. Tonight the back of my calf is aching and tight.",
            Some((URGENT, clot)),
        ),
        (
            "Tonight's calf cramp started at 1am and it's now been going for over 20 minutes.",
            Some((URGENT, "A cramp that lasts longer than 10 minutes")),
        ),
        // A lasting symptom explains away only the change told in its own sentence.
        (
            "My feet are usually cold in bed. Around 2am the toes on my left foot went a mottled blue and the foot is cool to mid calf.",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        // A leg that swells every evening, as it has for years, is no new swelling.
        ("had a dvt years ago and that leg still swells and aches every evening", None),
        ("ankles swell by the evening and my legs ache in bed", None),
        (
            "Nan came home from having her hip done last week, the calf is sore and tight",
            Some((URGENT, clot)),
        ),
    ]);
}

#[test]
fn a_leg_after_an_angioplasty_and_severe_breathlessness_are_emergencies() {
    assert_cues(&[
        (
            "had angioplasty 2 days ago, the groin where they went in is swelling up big",
            Some((EMERGENCY, ANGIOGRAM)),
        ),
        (
            "heart failure, legs always puffy but tonight i cant breathe lying flat and im coughing up pink frothy stuff",
            Some((EMERGENCY, BREATHING)),
        ),
    ]);
}

#[test]
fn everyday_things_that_share_a_sign_s_words_show_no_sign() {
    assert_cues(&[
        // New boots are no new numbness; a numb patch that has lasted is no new sign.
        (
            "I've taken up hiking and new boots make the top of my left foot go numb and tingly by the end of the day",
            None,
        ),
        // "Over the last few months" is no sugar over 20.
        (
            "I've had type 2 diabetes for years and my sugars haven't been great. Over the last few months the soles of my feet burn at night",
            None,
        ),
        // Cutting out chocolate is no cut.
        (
            "my legs get an unbearable urge to move in the evenings, I tried cutting out chocolate",
            None,
        ),
        // A baby that is well clears the baby, so night cramps in pregnancy are cramps.
        (
            "I'm 28 weeks pregnant and get calf cramps at night, the baby's moving and she's fine",
            None,
        ),
    ]);
}

#[test]
fn a_long_story_holds_a_sign_only_with_words_told_of_one_thing() {
    let sudden = "A leg or foot that suddenly changes";
    assert_cues(&[
        // Negated over "is", and veins grown bigger over a year are no swollen calf.
        ("the veins on my calves have got much bigger this year, none of them is hard", None),
        // Food brought back up is no back; a pain carries its negation to the chest.
        (
            "I've been bringing everything back up since yesterday and my back aches, my wee is dark and I've only been twice",
            None,
        ),
        ("No pain in my chest, my ankles swell by teatime and both legs ache at night", None),
        ("we can see our breath in the bedroom, my calves ache when I get into bed", None),
        // Cola-coloured pee is the statin sign on a statin, the muscle sign after hard effort.
        (
            "on a statin, my wee looks like cola and my thighs ache",
            Some((URGENT, "While you take a statin")),
        ),
        (
            "did a marathon yesterday, legs in agony and my wee is like cola",
            Some((EMERGENCY, "After very hard or unusual exercise")),
        ),
        // A stent in the heart is no leg angioplasty; both calves cramping on HRT are no clot.
        (
            "had a stent in my heart years ago, my toes ache at night and the foot goes pale when I lift it",
            None,
        ),
        ("I take HRT and had a tummy bug, now both calves are crampy at night", None),
        // "Or had surgery" is negated with the journeys before it.
        (
            "calf sore after a bad cramp last night, I haven't been on any long journeys or had surgery",
            None,
        ),
        ("I had shingles on my thigh last winter and that patch still burns at night", None),
        // "Went mottled" says the change has just happened.
        (
            "about 9 tonight my whole foot went numb and started hurting like nothing before. It's cold and went a mottled bluey white",
            Some((EMERGENCY, sudden)),
        ),
        ("arms and speech are fine, just my foot went numb sitting cross legged", None),
    ]);
}

#[test]
fn chest_pain_on_walking_a_crushing_chest_and_a_passing_weakness_have_their_signs() {
    assert_cues(&[
        (
            "my chest goes tight when I walk up the hill in the cold and it goes after a few minutes rest",
            Some((URGENT, "Chest pain, tightness or pressure that comes on when you walk")),
        ),
        (
            "a crushing pain in my chest",
            Some((EMERGENCY, "Chest pain that feels heavy")),
        ),
        // A weakness that has passed is still the stroke sign (a mini stroke).
        (
            "My leg went weak and heavy for ten minutes and my face felt tingly, it's gone now",
            Some((EMERGENCY, "Sudden weakness or numbness down one side")),
        ),
        (
            "toddler has had runny poos and been sick, now floppy and sleepy",
            Some((EMERGENCY, "A red, hot or swollen leg, or any other infection")),
        ),
        // "I'm fit", "two degrees" and a cramp that passes are no heatstroke.
        (
            "it was two degrees in the tent, I'm fit, legs ached and the cramp passes when I stand",
            None,
        ),
        (
            "had sciatica for months, today I didn't realise I needed a wee and leaked a bit",
            Some((EMERGENCY, "Back pain or sciatica with any of these")),
        ),
    ]);
}

#[test]
fn short_queries_about_a_child_a_bite_a_long_cramp_and_no_pee_have_their_signs() {
    let infection = "A red, hot or swollen leg, or any other infection";
    assert_cues(&[
        (
            "6 year old said his legs ached at bedtime, now he's floppy, pale and blotchy",
            Some((EMERGENCY, infection)),
        ),
        (
            "toddler leg pain cold hands fever rash",
            Some((EMERGENCY, "A high temperature with a stiff neck")),
        ),
        (
            "my brothers leg blistering black n hes burning up",
            Some((EMERGENCY, infection)),
        ),
        (
            "wifes ankle swole hot after bite spreading",
            Some((URGENT, "New swelling in one leg")),
        ),
        (
            "woke with a calf cramp that has gone on for over a quarter of an hour",
            Some((URGENT, "A cramp that lasts longer than 10 minutes")),
        ),
        (
            "leg cramps not peed since mornin dizzy",
            Some((URGENT, "Signs of serious dehydration")),
        ),
        (
            "pins n needles both legs bad back worsening",
            Some((EMERGENCY, "Back pain or sciatica with any of these")),
        ),
        // Without a back, pins and needles creeping up from both feet are not the spine's sign.
        (
            "Pins and needles in both feet the whole time, creeping up me shins",
            Some((URGENT, "Numbness, tingling or weakness in one leg or foot")),
        ),
    ]);
}

#[test]
fn everyday_words_name_no_sign_and_signs_told_of_one_leg_are_held() {
    let (blocked, stroke) = (
        "A leg or foot that suddenly changes",
        "Sudden weakness or numbness down one side",
    );
    assert_cues(&[
        // "A wee bit" is a little, putting on weight is no weight on a leg, "fit" is healthy,
        // a baby aspirin no baby, and a worry about the circulation no circulation problem.
        (
            "ah cannae walk mair than a wee bit before ma legs go heavy an numb, they ache at night",
            None,
        ),
        (
            "he has put on weight since a knee injury and has a burning numb patch on his thigh at night",
            None,
        ),
        (
            "hes 25 and fit, spent all day in the sun and now his calves cramp in bed",
            None,
        ),
        (
            "my dad takes a baby aspirin and a calf cramp woke him tonight, it eased when he stood up",
            None,
        ),
        (
            "my toes go numb in a cold bed every winter, worried its bad circulation",
            None,
        ),
        (
            "if i sleep on my front with my feet hanging off the end of the bed i get pins and needles",
            None,
        ),
        // "Keep them still" and "much better" are no drinks kept down.
        (
            "i cant keep my legs still at bedtime but my mood is much better on the tablets",
            None,
        ),
        (
            "my knees and ankles swell and are stiff in the morning for more than one hour",
            None,
        ),
        // Talking normally is no trouble speaking, even beside a sudden cramp; her usual
        // puffy ankles are no new swelling.
        (
            "sudden bad cramps in both calves tonight after being sick all day, he is talking normally",
            None,
        ),
        (
            "34 weeks pregnant, woke with a cramp in her calf that passed in thirty seconds, both legs look the same apart from her usual puffy ankles",
            None,
        ),
        // Signs in the words readers use for them.
        (
            "back pain going down my right leg, worse at night, and i have dropped over a stone without trying",
            Some((URGENT, "Leg or back pain with a high temperature, or with weight loss")),
        ),
        (
            "had a stomach bug for 3 days and still cant keep much down, legs cramping and wee really dark",
            Some((URGENT, "Signs of serious dehydration")),
        ),
        (
            "theres a little sore on my toe thats been there 3 weeks and isnt getting better",
            Some((URGENT, "A sore, cut or ulcer on the foot that is not healing")),
        ),
        // A little shivery with a red leg is the infection to see today, not sepsis; stopping
        // a medicine is no shivering that stopped.
        (
            "a patch on my shin went red and hot and its spreading, i feel a bit shivery",
            Some((URGENT, "New swelling in one leg")),
        ),
        (
            "his gout is back in his ankle, swollen and red, he stopped the allopurinol and tonight hes hot and shivery",
            Some((URGENT, "A joint, such as a knee, ankle, hip or big toe")),
        ),
        // Numb, cold and grey told of "it", and one side's arm after its leg.
        (
            "woke with my leg gone dead, two hours on its still numb, cold as owt and a horrible grey colour",
            Some((EMERGENCY, blocked)),
        ),
        (
            "her whole leg is swollen and bluish purple and her foot feels cooler than the other one",
            Some((EMERGENCY, blocked)),
        ),
        (
            "her left leg felt dead after sleeping on it and now her left arm is weak too, she dropped her tea",
            Some((EMERGENCY, stroke)),
        ),
        // Someone who cannot be woken, whatever the cause (a low blood sugar after insulin).
        (
            "he did his insulin before bed, now hes thrashing his legs and soaked in sweat and i cant wake him properly",
            Some((EMERGENCY, "Someone who suddenly becomes confused")),
        ),
    ]);
}

#[test]
fn a_near_cue_reaches_into_the_next_sentence_only_by_a_few_words() {
    assert_cues(&[
        // Words told of different things in different sentences are no one warning sign.
        (
            "I have psoriasis and my heel and knee have been sore and swollen on and off. They throb in bed and I'm stiff for an hour in the morning.",
            None,
        ),
        // A next sentence that goes on about the same thing still holds the sign.
        ("My calf is swollen. It is red and hot.", Some((URGENT, "New swelling in one leg"))),
        (
            "Over the last week the tip of my second toe has gone a dusky purple colour. It hurts most at night in bed.",
            Some((URGENT, "Skin on a toe, foot or leg that turns red")),
        ),
        // Everything down there fine is no bladder trouble; the legs of one lying down are
        // no pain going down a leg.
        ("the top of my foot is numb. bladder and everything down there is fine", None),
        ("when i lie down my legs ache and both legs feel the same", None),
    ]);
}

#[test]
fn a_clot_someone_had_or_died_of_is_history_told_not_the_readers_sign() {
    let clot = "New swelling in one leg";
    assert_cues(&[
        ("restless legs at night, my dad had a dvt once", None),
        ("legs ache in bed, my grandad died of a clot", None),
        // The reader's own leg, or a worry about it, still shows the sign.
        (
            "had a dvt years ago, now my calf is swollen and red",
            Some((URGENT, clot)),
        ),
        ("is it a dvt", Some((URGENT, clot))),
    ]);
}

#[test]
fn a_temperature_below_a_fever_tells_of_none_and_a_raised_one_still_counts() {
    let chemo = "During cancer treatment such as chemotherapy";
    assert_cues(&[
        // 36.8 is no temperature to call the cancer team about; the swollen leg is the clot.
        (
            "on chemo, left leg aches and looks swollen, I checked his temperature and it's 36.8",
            Some((URGENT, "New swelling in one leg")),
        ),
        ("on chemo, temp 36.9, legs ache at night", None),
        // 37.5 or more during chemotherapy is, whatever came before it.
        ("on chemo and my temperature is 37.8", Some((EMERGENCY, chemo))),
        ("on chemo, temp was 36.8 now 37.9", Some((EMERGENCY, chemo))),
        // A low temperature is no normal one: with these signs it is sepsis.
        (
            "care home resident keeps saying his legs ache, very sleepy today, breathing fast, knees look mottled blue and temp only 35.4",
            Some((EMERGENCY, "A red, hot or swollen leg, or any other infection")),
        ),
    ]);
}

#[test]
fn a_sign_told_wholly_of_the_past_is_history_and_one_told_of_now_is_held() {
    let clot = "New swelling in one leg";
    assert_cues(&[
        // A broken ankle years ago is no injury now.
        (
            "I broke my ankle in a motorbike crash twenty years ago. It aches at night in the cold.",
            None,
        ),
        ("i broke my ankle in a crash years ago, it aches in the cold now", None),
        // The past ends at "now", and at a conjunction: the calf is swollen now.
        (
            "years ago i had a clot and now my calf is swollen and red",
            Some((URGENT, clot)),
        ),
        (
            "Had a DVT two years ago and the same leg has started aching at night and looks swollen again.",
            Some((URGENT, clot)),
        ),
    ]);
}

#[test]
fn strong_legs_a_clear_chest_a_feared_fit_and_no_saddle_numbness_tell_of_no_sign() {
    let cauda = "Back pain or sciatica with any of these";
    assert_cues(&[
        ("both legs are strong, sciatica down my right leg since lifting", None),
        (
            "I honestly thought he was having a fit, his calf went rock hard and he shouted, it let go after a minute",
            None,
        ),
        ("no numbness in the saddle area, my legs feel heavy after walking", None),
        // A clear chest is no breathlessness: a red swollen calf is the clot to see today.
        (
            "my chest is clear, calf is red and swollen",
            Some((URGENT, "New swelling in one leg")),
        ),
        // Told as they are, the signs still show.
        ("sciatica in both legs now", Some((EMERGENCY, cauda))),
        ("saddle numbness and cant pee", Some((EMERGENCY, cauda))),
    ]);
}
