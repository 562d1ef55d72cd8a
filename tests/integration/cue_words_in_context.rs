//! Words that take their meaning from the words around them: a fall from a bike, "sit up to
//! breathe" (breathless lying flat, the heart's sign, not "cannot breathe"), "back to the
//! hospital" (no back pain), "blew up" (swollen, not up off the floor), weight put "through" a
//! leg (no bone through the skin), a long cramp told as "gone on for 25 minutes", dialysis named
//! by its kind or with a slow pulse, confusion in someone on insulin, a sudden back or tummy
//! pain with fainting (a burst aneurysm), a shin gone rock hard that painkillers do not touch, a
//! hot shower and the air's temperature (no hot leg and no fever), one leg that swells each
//! evening since a journey, growing pains, told of a child, a break told of one's twenties,
//! tripping over things, and sleeping in a recliner to breathe.

use crate::cues::{
    assert_cues, level_of, BONE, CHILD, CLOT_LUNG, CONFUSION, CRAMP, DEHYDRATION, EMERGENCY, HEART, HEAT, JOINT,
    SEPSIS, SWELLING, URGENT,
};

#[test]
fn a_fall_from_a_bike_and_what_is_put_through_a_leg() {
    assert_cues(&[
        ("son came off his bike, his shin is bent at a funny angle and he's screaming", Some((EMERGENCY, BONE))),
        ("fell off my horse and my shin is bent at a funny angle", Some((EMERGENCY, BONE))),
        // Weight put through an ankle is no bone through the skin: the urgent sign of an injury
        // that takes little weight, not the 999 sign.
        (
            "My 15 year old came off his skateboard an hour ago, his ankle has swollen up like a tennis ball and is bruising, he can only put a tiny bit of weight through it and the bone on the outside is really tender",
            Some((URGENT, "After a fall or other injury, you cannot put weight")),
        ),
        // A knee that "blew up" after a fall is swollen: no one who cannot get up.
        (
            "fell on my knee, it blew up straight away and i cant straighten it",
            Some((URGENT, "A joint, such as a knee, ankle, hip or big toe")),
        ),
        // A trip in a camper van is no fall, with the legs bent all night.
        (
            "We're on a three week trip round Scotland in a camper van, sleeping on the pull-out bed, which is too short for me. I've been waking with my knees and calves aching because I have to keep my legs bent all night.",
            None,
        ),
    ]);
}

#[test]
fn breathless_lying_flat_is_the_hearts_sign_and_a_swollen_leg_needs_its_words_together() {
    assert_cues(&[
        ("dad 78 legs more swollen this wk n he cant lie flat at nite, has to sit up to breathe", Some((URGENT, HEART))),
        (
            "Dad's ankles have been swollen for a while, but over the last four or five days it's gone right up to his knees and he's put on several pounds. He can't lie flat at night without getting breathless, so he's sleeping propped up on four pillows.",
            Some((URGENT, HEART)),
        ),
        // Still the clot's sign: a swollen leg and no breath.
        ("my leg is swollen and I can't breathe", Some((EMERGENCY, CLOT_LUNG))),
        // Swollen ankles, then dizzy, then cramping calves: no swollen leg told with the dizziness.
        (
            "Mum is 79 and the GP doubled her water tablet last week for her swollen ankles. Since then she's dizzy when she stands, her mouth is dry, her calves keep cramping and she's hardly passing any water.",
            Some((URGENT, "If you take water tablets (diuretics)")),
        ),
        ("my calf is swollen and sore and I feel faint", Some((EMERGENCY, CLOT_LUNG))),
    ]);
}

#[test]
fn going_back_to_a_doctor_drinking_and_a_bruise_tell_of_no_sign() {
    assert_cues(&[
        (
            "Finished chemo for breast cancer six months ago and the oncology team said the numbness in my feet should slowly get better. The soles still feel like I'm walking on cotton wool and I get zapping pains at night. Is this one for the GP or back to the hospital?",
            None,
        ),
        // Back pain after a cancer still is.
        (
            "had breast cancer two years ago, now new back pain that wakes me at night",
            Some((URGENT, "Leg or back pain with a high temperature")),
        ),
        (
            "My husband has been drinking quite heavily for years and the GP said the burning and numbness in his feet is probably from the alcohol. His feet still burn in bed and he keeps stumbling when it's dark.",
            None,
        ),
        ("drank loads of water but still dizzy and peeing dark", Some((URGENT, DEHYDRATION))),
        (
            "Walked into the corner of the table three days ago and got a big bruise on my thigh. It throbs a bit at night if I lie on it and the colour has gone from purple to yellowy green. Less sore every day.",
            None,
        ),
        ("itchy burning between my toes in bed, skin peeling", None),
        // Skin peeling off after a scald is the wound sign.
        (
            "Boiling water from the kettle went over my toddler's thigh and foot, the skin's peeling off in sheets",
            Some((EMERGENCY, "After a wound such as a cut, bite, burn or scratch")),
        ),
    ]);
}

#[test]
fn a_long_cramp_a_stomach_bug_and_a_vein_told_in_everyday_words() {
    assert_cues(&[
        (
            "GP said leg cramps are common at my age and to stretch. Tonight a cramp in my right calf has gone on for about 25 minutes, stretching and walking about haven't shifted it and the muscle is still rock hard.",
            Some((URGENT, CRAMP)),
        ),
        ("cramp in my calf for 15 mins now and its not going even when i stretch it", Some((URGENT, CRAMP))),
        ("my calf wont stop aching after the gym", None),
        ("had d n v since tues, legs cramping, still dizzy when i stand even w the rehydration sachets", Some((URGENT, DEHYDRATION))),
        (
            "I've had varicose veins on my left calf for years. Two days ago one of them went hard and lumpy and now there's a red, hot, tender streak along it about the length of my finger.",
            Some((URGENT, "New swelling in one leg")),
        ),
    ]);
}

#[test]
fn dialysis_confusion_on_insulin_a_burst_aneurysm_and_a_shin_gone_rock_hard() {
    assert_cues(&[
        (
            "I'm on haemodialysis for kidney failure and missed yesterday's session. Tonight my legs feel heavy, weak and tingly and my heart keeps fluttering and skipping.",
            Some((EMERGENCY, "Weakness, heavy legs, or a fluttering")),
        ),
        ("insulin dependent, my husband is sweaty and confused and wont drink", Some((EMERGENCY, CONFUSION))),
        ("mum has dementia and diabetes and is confused as usual", None),
        (
            "sudden very bad pain in my back and belly going into both legs, feel faint and sweaty, doctor once told me i have a swelling on the main blood pipe",
            Some((EMERGENCY, "Sudden, severe pain in the chest, back or tummy")),
        ),
        // A back that went suddenly when lifting, with no faint, is not it.
        ("my back went suddenly lifting the shopping, sharp pain when i bend", None),
        // A slow pulse with heavy legs on dialysis (high potassium).
        (
            "mum on dialysis says her legs feel heavy and weak like lead, pulse feels really slow and shes lightheaded",
            Some((EMERGENCY, "Weakness, heavy legs, or a fluttering")),
        ),
        // A shin gone rock hard after hard exercise that painkillers do not touch, worse moving
        // the toes (acute compartment syndrome); a sore shin that ibuprofen eases is not it.
        (
            "I did a massive leg workout yesterday. Tonight my shin is rock hard and tight, the pain is far worse than normal stiffness and painkillers aren't touching it. Moving my toes makes it much worse and my foot feels tingly.",
            Some((EMERGENCY, "After a fall or injury: a leg or joint that looks bent")),
        ),
        ("my shin is sore after running, ibuprofen helps a bit", None),
    ]);
    // Words that do not make sense, in someone on insulin: a 999 instruction (which sign comes
    // first is a matter of order: the stroke sign reads them as trouble speaking).
    let q = "My partner has type 1 diabetes and is on insulin. I woke at 3am because his legs were twitching and jerking, he's drenched in sweat, his words don't make sense and I can't get him to drink the juice I brought.";
    assert_eq!(level_of(q).as_deref(), Some(EMERGENCY), "{q}");
}

#[test]
fn a_hot_shower_and_a_cold_night_are_no_infection_and_one_leg_swelling_since_a_flight_is() {
    assert_cues(&[
        (
            "woke up freezing after the duvet slid off, legs were blotchy purple and achy, fine after a hot shower",
            None,
        ),
        (
            "Thin summer duvet when the temperature dropped, feet cool and blotchy pink, a pair of socks sorted it.",
            None,
        ),
        // A hot leg and a fever with mottled skin or confusion are still the 999 sign.
        (
            "red hot swollen leg and shes muddled and mottled",
            Some((EMERGENCY, SEPSIS)),
        ),
        (
            "hot swollen red calf, temperature 39 and confused",
            Some((EMERGENCY, SEPSIS)),
        ),
        // One leg that swells by the evening since a flight; not one that has done so since a
        // clot years ago.
        (
            "one leg swollen by the evening since my flight 3 days ago",
            Some((URGENT, "New swelling in one leg")),
        ),
        ("my left ankle swells by teatime, had a clot in it years ago", None),
    ]);
}

#[test]
fn growing_pains_tell_of_a_child() {
    assert_cues(&[
        (
            "thought it was growing pains but now its just one leg and hes limping in the day too",
            Some((URGENT, CHILD)),
        ),
        (
            "my 8 year old has growing pains in both legs at night, fine in the morning",
            None,
        ),
    ]);
}

#[test]
fn an_old_break_a_stumble_and_a_recliner_are_no_emergency() {
    assert_cues(&[
        // A break "in his 20s" is history, told of the past.
        (
            "Dad broke his ankle playing rugby in his 20s and now at 61 that ankle aches and swells a bit in the evening and clicks when he turns his foot.",
            None,
        ),
        ("broke my ankle falling off a wall tonight and it looks bent", Some((EMERGENCY, BONE))),
        // Tripping over things is no fall that keeps someone on the floor.
        (
            "My brother drinks a lot and his feet tingle and feel numb in bed. He's started tripping over things because he can't really feel the floor.",
            None,
        ),
        ("mum tripped and fell in the bathroom and cant get up off the floor", Some((EMERGENCY, BONE))),
        // Sleeping in a recliner to breathe, with both legs swelling, is no clot in the lung (the
        // NHS heart failure page asks for a GP for symptoms that come on slowly).
        (
            "Dad is 78 and has started sleeping in his recliner because of his breathing, his legs ache and swell up by the morning now. Both legs the same, no redness.",
            None,
        ),
    ]);
}

#[test]
fn veins_and_cramps_in_pregnancy_and_an_extra_pillow() {
    assert_cues(&[
        // A knot that lets go within a minute, or veins that ache, in pregnancy: no clot's sign.
        (
            "Pregnant with number two and a few nights a week my calf suddenly tightens into a painful knot that wakes me. Pulling my toes up towards me sorts it in under a minute.",
            None,
        ),
        (
            "28 weeks pregnant and I've noticed some bluey, slightly raised squiggly veins behind my knee and on my calf that ache by the evening. No hard lumps, redness or heat, and both legs are the same size.",
            None,
        ),
        // Pain that stays in one calf in pregnancy, even told as a cramp, is.
        (
            "34 weeks pregnant, my left calf has been painful and tender for two days, it feels like a cramp that won't go away",
            Some((URGENT, SWELLING)),
        ),
        ("pregnant, throbbing cramping pain in my left calf for 2 days", Some((URGENT, SWELLING))),
        // Veins that bulge and have got bigger are no swollen calf; a calf that looks fatter is.
        (
            "I've got thick bluish ropey veins that bulge out on the back of my calf. After a day at work that leg feels heavy and throbs. They've got much bigger since my second baby.",
            None,
        ),
        ("calf tender and tight for three days, it looks fatter and feels warm", Some((URGENT, SWELLING))),
        (
            "My mum is 78 and has knotted veins on both legs. The skin on her lower legs has turned red-brown, scaly and so itchy she scratches it raw. No open wounds yet.",
            None,
        ),
        // An extra pillow to sleep, breathless on the stairs, with ankles swelling up the shins.
        (
            "Over the last fortnight my ankles have swollen so much I can't get my shoes on, the puffiness is now up to my shins. I get puffed out on the stairs which isn't like me, and I need an extra pillow to sleep.",
            Some((URGENT, "Both legs or ankles swelling more and more")),
        ),
    ]);
}

#[test]
fn a_kneecap_out_of_place_a_cramp_that_will_not_let_go_and_hot_dry_skin_in_the_heat() {
    assert_cues(&[
        (
            "daughter twisted her knee at the trampoline park, kneecap looks like its moved off to the side and she cant straighten her leg",
            Some((EMERGENCY, "After a fall or injury: a leg or joint that looks bent")),
        ),
        (
            "my mum (70) has had a cramp in her calf for about 20 mins now, shes tried stretching it, walking on it and rubbing it but its still rock hard and wont let go",
            Some((URGENT, "A cramp that lasts longer than 10 minutes")),
        ),
        (
            "cramping in both legs all afternoon at a festival in 32 degrees, my skin is hot and dry",
            Some((EMERGENCY, HEAT)),
        ),
        // The weather that is hot and dry is no skin that has stopped sweating.
        ("it's hot and dry in the bedroom, 30 degrees, legs cramp", None),
        // A temperature overnight is a fever, not the air's temperature.
        (
            "my 6 year old had a temperature overnight, today her knee is swollen and she limps",
            Some((URGENT, "A joint, such as a knee, ankle, hip or big toe")),
        ),
        // Sciatica with a foot drop whose numbness spreads is an urgent sign, not the 999 sign
        // of weakness spreading up from the feet; a foot that slaps trips its owner, so "I keep
        // tripping ... can't" is no fall that leaves the reader unable to walk.
        (
            "Sciatica for three weeks, but since yesterday my foot slaps down when I walk and I can't lift my toes up, I keep tripping. The numbness on top of the foot has spread too.",
            Some((URGENT, "Numbness, tingling or weakness in one leg or foot")),
        ),
    ]);
}

#[test]
fn another_attack_of_known_gout_is_for_the_gp_unless_feverish_or_unable_to_eat() {
    assert_cues(&[
        (
            "What does it mean when my big toe joint goes red, hot and swollen overnight? This is the second time this year, it lasts about a week. I don't have a temperature and feel fine otherwise.",
            None,
        ),
        (
            "I think it's my gout back again. I woke at 4am with my big toe joint red, shiny and so sore I couldn't stand the duvet touching it.",
            None,
        ),
        // A first attack keeps the urgent sign (an infected joint can look the same).
        ("woke up with my big toe joint red, hot and swollen, never had it before", Some((URGENT, JOINT))),
        // Another attack with a fever, or with sickness and no appetite, is urgent again.
        ("gout flared again, big toe red and hot and I have a temperature of 38.5", Some((URGENT, JOINT))),
        ("gout attack in my knee, pain keeps getting worse and i feel sick and cant eat", Some((URGENT, JOINT))),
    ]);
}
