//! Wordings from the blind development sets, routed by the sign they describe: a bleeding
//! varicose vein, back pain with cancer or weight loss, a crushed leg, cold with slow speech, a
//! child with few wet nappies, muscle breakdown, a missed dialysis, a fluttering heart on water
//! tablets, no pee for hours, a floppy child with a fever, walking pain suddenly worse, a
//! temperature typed as a number, no pulse, a dead arm with slurring, a fall onto the hip,
//! numbness spreading to the hands, a tight shin after a kick, fever on chemotherapy; and
//! ordinary wordings that show no sign (numbness that has passed, cramps in pregnancy,
//! chilblains, a clot years ago, night cramps on a statin, dark yellow pee after a run); and "not"
//! read as a negation, except in the phrases that say what the reader has ("not healing"); and
//! bleeding on blood thinners, shingles, pre-eclampsia, low calcium after neck surgery,
//! temporal arteritis, sudden loss of sight, phlebitis, a torn Achilles tendon and compartment
//! syndrome; and muddled thinking, blue lips, a hot and shiny shin, toes going purple and feet
//! let down.

use crate::cues::{assert_cues, COLD, EMERGENCY, HEAT, URGENT};

#[test]
fn new_signs_and_readings_route_bleeding_veins_cancer_back_pain_crush_injuries_and_passed_numbness() {
    let (vein, back, injury) = (
        "A varicose vein that is bleeding",
        "Leg or back pain with a high temperature",
        "After a fall or injury",
    );
    assert_cues(&[
        // A varicose vein that is bleeding is the 999 sign; one that bled and stopped is urgent.
        (
            "varicose vein on my ankle burst in the shower and wont stop bleeding",
            Some((EMERGENCY, vein)),
        ),
        (
            "my varicose vein bled when i knocked it, it has stopped now",
            Some((URGENT, "A varicose vein that bled and has stopped")),
        ),
        // Back pain with cancer now or in the past, or weight lost "without trying".
        (
            "had prostate cancer, new back pain at night going into my hip",
            Some((URGENT, back)),
        ),
        (
            "lost nearly a stone without trying and my back aches at night",
            Some((URGENT, back)),
        ),
        // Pain far worse than the injury, with a tight leg or a tight cast.
        (
            "shin crushed at work this morning, pain unbearable, way worse than it should be, leg tight as a drum",
            Some((EMERGENCY, injury)),
        ),
        (
            "my leg in plaster feels too tight and the pain keeps getting worse",
            Some((EMERGENCY, injury)),
        ),
        // Both feet dropping since this morning, with back pain.
        (
            "both feet dragging and slapping since this morning with bad lower back pain",
            Some((EMERGENCY, "Back pain or sciatica")),
        ),
        // "Breathing is fine" says the reader is not breathless: the clot's 111 sign, not 999.
        (
            "drove 10 hrs yesterday, calf aches and feels hot today, breathing is fine",
            Some((URGENT, "New swelling in one leg")),
        ),
        // A DVT years ago is history, not the sign; a swollen calf in pregnancy still is.
        ("had a dvt 10 years ago and now that leg aches every evening", None),
        (
            "pregnant and my calf is painful and swollen",
            Some((URGENT, "New swelling in one leg")),
        ),
        // Night cramps in pregnancy, chilblains and numbness that has passed show no sign.
        ("34 weeks pregnant and my calf goes rock hard in the night", None),
        ("itchy red swollen toes after being out in the cold", None),
        (
            "fell asleep on the sofa with my leg over the arm, woke with it dead and tingly, fine now",
            None,
        ),
        (
            "big toe red hot and swollen overnight",
            Some((URGENT, "A joint, such as a knee")),
        ),
        // Cold with slow speech is hypothermia; one foot gone dead and bluish is a blocked leg;
        // feet that go white and numb in the cold are not.
        (
            "found nan on the floor freezing cold, talking really slowly",
            Some((EMERGENCY, COLD)),
        ),
        (
            "foot went dead and bluish in bed",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        ("my feet go white and numb in the cold", None),
        // A toddler with few wet nappies, or being sick without a break, is the dehydration sign.
        (
            "toddler had diarrhoea 2 days, hardly any wet nappies",
            Some((URGENT, "Signs of serious dehydration")),
        ),
        (
            "after the marathon i cant stop being sick",
            Some((URGENT, "Signs of serious dehydration")),
        ),
        // Legs giving way with soiling, in someone with stenosis, is cauda equina.
        (
            "my brother has spinal stenosis, both legs keep giving way and he soiled himself",
            Some((EMERGENCY, "Back pain or sciatica")),
        ),
        // Weak legs on a statin are urgent (the NHS atorvastatin page); two days after a coach
        // trip is not both legs, and a foot floppy after crossed legs is a nerve pressed by the
        // position, for a GP (the NHS foot drop page).
        (
            "since starting statins my legs feel weak, worse at night",
            Some((URGENT, "While you take a statin")),
        ),
        (
            "crossed my legs on a long coach trip, foot still a bit floppy two days later",
            None,
        ),
    ]);
}

#[test]
fn cold_heat_spreading_infection_and_injury_wordings_of_the_fresh_sets_are_routed() {
    assert_cues(&[
        // Frozen skin, and someone too cold to wake, are the cold emergency.
        (
            "my mate slept rough in the snow, his feet are white and waxy and hard",
            Some((EMERGENCY, COLD)),
        ),
        (
            "elderly neighbour's house freezing and she wont wake up properly",
            Some((EMERGENCY, COLD)),
        ),
        // Stopping sweating in the heat is heatstroke.
        (
            "worked a double shift in a roasting kitchen, legs cramping, stopped sweating",
            Some((EMERGENCY, HEAT)),
        ),
        // Rest pain eased by dangling; a purple, icy foot in agony; an arm and a leg.
        (
            "foot pain at rest, better dangling",
            Some((URGENT, "Pain in the foot or toes")),
        ),
        (
            "dad had a bypass in his leg, tonight his foot is purple and icy and hes screaming with it",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        (
            "mums leg went dead in bed, her arm wont lift either",
            Some((EMERGENCY, "Sudden weakness")),
        ),
        // Infection gone to the whole body; a rash that does not fade.
        (
            "diabetic black toe, spreading redness, fever",
            Some((EMERGENCY, "A red, hot or swollen leg")),
        ),
        (
            "my son has a fever and purple spots that dont fade",
            Some((EMERGENCY, "A red, hot or swollen leg")),
        ),
        // A bleeding ulcer; cancer with weak legs; a blow with tight, shiny skin; the pill.
        (
            "nans leg ulcer bleeding and wont stop",
            Some((EMERGENCY, "A varicose vein that is bleeding")),
        ),
        (
            "had breast cancer, new back pain and my legs are weak this evening",
            Some((EMERGENCY, "Back pain or sciatica")),
        ),
        (
            "kick to the shin at rugby, skin tight and shiny",
            Some((EMERGENCY, "After a fall or injury")),
        ),
        (
            "on the combined pill, calf throbbing in bed",
            Some((URGENT, "New swelling in one leg")),
        ),
        // A vein that popped and pumps blood; a ballooned thigh with breathlessness; tingling
        // moving up past the knees; being sick again and again.
        (
            "varicose vein by my ankle popped in bed and its pumping blood, towel soaked through",
            Some((EMERGENCY, "A varicose vein that is bleeding")),
        ),
        (
            "ten days after hip replacement, my thigh has ballooned up and i feel dizzy and short of breath",
            Some((EMERGENCY, "Chest pain, breathlessness")),
        ),
        (
            "tingling started in my feet 2 days ago now its up past my knees and legs going weak",
            Some((URGENT, "Numbness, tingling or weakness in one leg")),
        ),
        (
            "ran a marathon yesterday, still cramping, headache and keep being sick",
            Some((URGENT, "Signs of serious dehydration")),
        ),
        ("i keep feeling sick and my legs ache", None),
        // "Breathing ok" clears the breathing; a stroke in the past is not the stroke sign.
        (
            "bedbound mum one leg bigger than the other and warm to touch, breathing ok",
            Some((URGENT, "New swelling in one leg")),
        ),
        ("caring for husband after his stroke, his legs cramp in bed", None),
        // A dead leg from someone lying across it is pressure, not a sudden change.
        (
            "woke up with a dead leg cos my boyfriend was lying across it all night",
            None,
        ),
    ]);
}

#[test]
fn muscle_breakdown_dialysis_salts_no_pee_a_floppy_child_and_worse_walking_pain_are_routed() {
    let (breakdown, sepsis, arteries) = (
        "After very hard or unusual exercise",
        "A red, hot or swollen leg, or any other infection",
        "Pain in the foot or toes when you rest",
    );
    assert_cues(&[
        // Pee the colour of tea or cola after hard effort is muscle breakdown (999)...
        (
            "did a 10k in the heat yesterday, thighs in agony and my pee is brown",
            Some((EMERGENCY, breakdown)),
        ),
        (
            "pee looks like cola after a hard squats session",
            Some((EMERGENCY, breakdown)),
        ),
        // ...dark yellow pee after a run is only thirst.
        ("dark yellow pee after a run and very thirsty", None),
        // A missed dialysis session with weak legs: the 999 sign (an editorial grade).
        (
            "missed dialysis yesterday and my legs feel heavy and weak",
            Some((EMERGENCY, "Weakness, heavy legs")),
        ),
        // A fluttering heart with weak legs on a water tablet: 111 the same day.
        (
            "on furosemide, heart fluttering and legs weak",
            Some((URGENT, "If you take water tablets (diuretics)")),
        ),
        // Low potassium or a statin with cramps, and nothing more, is for the GP (no cue).
        ("low potassium, leg cramps", None),
        ("cramps at night since starting statins", None),
        // "Havent peed" is read as peeing less, not as no pee at all being denied.
        (
            "been sick all day, havent peed since this morning",
            Some((URGENT, "Signs of serious dehydration")),
        ),
        ("no pee all day and a fever", Some((EMERGENCY, sepsis))),
        // A child with a fever gone floppy is the sepsis sign.
        (
            "my 2 year old has a high temperature and is floppy",
            Some((EMERGENCY, sepsis)),
        ),
        // Rest pain in a smoker's toes, or walking pain suddenly much worse: narrowed arteries.
        ("rest pain in my toes at night, i smoke", Some((URGENT, arteries))),
        (
            "my calf pain when walking has suddenly got worse, can only walk a few yards",
            Some((URGENT, arteries)),
        ),
        ("walking makes my sciatica much worse", None),
    ]);
}

#[test]
fn temperatures_no_pulse_slurring_falls_spreading_numbness_and_chemotherapy_are_routed() {
    let sepsis = "A red, hot or swollen leg, or any other infection";
    assert_cues(&[
        // A temperature as a number is a fever ("39.5", "38.4c"); an age is not ("im 39").
        (
            "toddler wont put weight on his leg, red and hot and hes 39.5 and floppy",
            Some((EMERGENCY, sepsis)),
        ),
        (
            "dad on chemo, legs aching in bed and now temp 38.4 and shivery",
            Some((EMERGENCY, "During cancer treatment such as chemotherapy")),
        ),
        ("im 39 and my legs ache at night", None),
        ("on chemo, feet numb and tingling at night", None),
        // "No pulse" is read as pulseless, not as a pulse denied.
        (
            "no pulse foot toes bluish",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        (
            "mums arm n leg dead slurring",
            Some((EMERGENCY, "Sudden weakness or numbness down one side")),
        ),
        (
            "grandad fell hip cant stand",
            Some((EMERGENCY, "After a fall or injury")),
        ),
        (
            "took a boot to the shin, its swollen tight as a drum",
            Some((EMERGENCY, "After a fall or injury")),
        ),
        (
            "weakness creeping up from my feet, couldnt stand up this morning",
            Some((EMERGENCY, "Numbness, tingling or weakness spreading")),
        ),
        // Numbness spreading from the feet to the hands, or tingling after a stomach bug.
        (
            "legs weak now arms too tingly",
            Some((URGENT, "Numbness, tingling or weakness in one leg")),
        ),
        (
            "had a tummy bug last week, now tingling in my feet and hands",
            Some((URGENT, "Numbness, tingling or weakness in one leg")),
        ),
        // Diarrhoea with weak legs is low salts, not a nerve sign; an arm of the sofa is no arm.
        ("taking laxatives with diarrhoea, legs weak and crampy in bed", None),
        (
            "fell asleep with my leg over the arm of the sofa, woke with it dead and tingly, fine now",
            None,
        ),
        // Sick for more than two days, counted.
        (
            "3 days of being sick, legs cramping in bed",
            Some((URGENT, "Signs of serious dehydration")),
        ),
        ("dad had a sickness bug, keeping fluids down again now", None),
        // Reading about a condition is not having it.
        ("legs ache after the gym, googled rhabdo but my wee looks normal", None),
        // A fluttering heart with fainting is 999 whatever the cause; fluttering alone is not.
        (
            "throwing up for days, legs cramping, now my heart is fluttering and i nearly blacked out",
            Some((EMERGENCY, "A fluttering, racing or pounding heartbeat")),
        ),
        ("heart flutters sometimes when i lie down, legs restless", None),
        // A leg gone blotchy and ice cold, too painful to touch.
        (
            "nans leg went blotchy and freezing this morning and she screams when its touched",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        (
            "the sore on my toe has gone black and smells, now a high temperature",
            Some((EMERGENCY, sepsis)),
        ),
    ]);
}

#[test]
fn not_negates_what_follows_but_the_phrases_that_describe_a_sign() {
    let (swollen, blocked) = ("New swelling in one leg", "A leg or foot that suddenly changes");
    assert_cues(&[
        // "Not red, not swollen" says what the reader does not have.
        ("calf aches at night, not red, not swollen", None),
        // "Not breathless" leaves the calf's own sign, the urgent one.
        (
            "started a new pill 3 weeks ago, one calf hurts, bit puffy, not red, not breathless",
            Some((URGENT, swollen)),
        ),
        (
            "left calf swollen warm and tender, breathing totally fine no chest pain",
            Some((URGENT, swollen)),
        ),
        // "Not healing", "not sweating", "not responding" say what the reader has.
        ("sore on my heel not healing", Some((URGENT, "A sore, cut or ulcer"))),
        (
            "worked in the heat all day, legs cramping, not sweating any more",
            Some((EMERGENCY, "After heat or hard work")),
        ),
        (
            "my 3 year old has a fever and is not responding properly",
            Some((EMERGENCY, "A red, hot or swollen leg, or any other infection")),
        ),
        // Bladder and bowels said to be normal are not the spine's sign.
        (
            "sciatica 8 weeks not getting better, no numbness down below, wee and poo normal",
            None,
        ),
        ("chemo for bowel cancer, feet burning and numb at night", None),
        // A foot pale with no pulse to be found, or cold, numb and in agony, whatever its past.
        (
            "tonight its only my left, its pale and i cant find the pulse and cant wiggle my toes",
            Some((EMERGENCY, blocked)),
        ),
        (
            "had claudication for years, but since this morning whole leg is agony and cold to touch, cant feel it",
            Some((EMERGENCY, blocked)),
        ),
        (
            "dads foot gone blotchy blue and freezing compared to the other one",
            Some((EMERGENCY, blocked)),
        ),
        (
            "knee op yesterday and in a plaster cast, toes are going blue and numb",
            Some((EMERGENCY, "After a fall or injury")),
        ),
        // A dead leg that came back is not the sudden-change sign.
        (
            "woke up and my whole leg was dead, thought i was having a stroke, fine after 5 mins",
            None,
        ),
    ]);
}

#[test]
fn blood_thinners_shingles_pre_eclampsia_neck_surgery_temporal_arteritis_sight_loss_phlebitis_and_torn_tendons_are_routed(
) {
    let (thinner, broken) = ("While you take a blood thinner", "After a fall or injury");
    assert_cues(&[
        // On a blood thinner: a knock that swells or bruises, bleeding that will not stop, or
        // blood in the pee go with the A&E signs (the NHS: 111 or A&E; the more careful one).
        (
            "on apixaban and tripped over the dog, now my shin is swollen and bruised",
            Some((EMERGENCY, thinner)),
        ),
        (
            "taking warfarin and this cut on my leg wont stop bleeding",
            Some((EMERGENCY, thinner)),
        ),
        (
            "on rivaroxaban, blood in my pee and my legs ache",
            Some((EMERGENCY, thinner)),
        ),
        ("on warfarin and my legs ache at night", None),
        ("on warfarin and my nosebleed wont stop", Some((EMERGENCY, thinner))),
        ("taking eliquis and coughing up blood", Some((EMERGENCY, thinner))),
        // A small bruise after a knock is expected on a blood thinner; so are bleeding gums.
        ("on warfarin knocked my leg on the table, small bruise", None),
        ("on blood thinners, bleeding gums when brushing keeps happening", None),
        // Shingles: a burning band, then blisters; or the reader thinks it is shingles.
        (
            "burning pain in a stripe round my thigh and now a rash of blisters",
            Some((URGENT, "A burning, tingling or painful patch")),
        ),
        (
            "i think i have shingles on my leg",
            Some((URGENT, "A burning, tingling or painful patch")),
        ),
        // Shingles in the past: the pain that stays after it is not the sign.
        ("had shingles on my leg, months later it still burns at night", None),
        ("had shingles vaccine, sore arm", None),
        ("heat rash patch on legs burning at night", None),
        // Pre-eclampsia: a bad headache, flashing lights, a face or hands swollen overnight.
        (
            "34 weeks pregnant, splitting headache and seeing flashing lights",
            Some((URGENT, "Pregnant, or given birth")),
        ),
        (
            "pregnant, face and hands swelled up overnight",
            Some((URGENT, "Pregnant, or given birth")),
        ),
        (
            "had my baby 2 weeks ago and have a bad headache and swollen feet",
            Some((URGENT, "Pregnant, or given birth")),
        ),
        ("pregnant and my ankles swell by the evening", None),
        ("my baby kicks my ribs at night and my legs ache", None),
        // Low calcium after an operation on the thyroid; an underactive thyroid is not it.
        (
            "thyroidectomy 3 days ago, lips tingling and my calves keep cramping",
            Some((URGENT, "After an operation on the thyroid")),
        ),
        ("underactive thyroid and leg cramps at night", None),
        // Temporal arteritis; a misspelt arthritis is not "arteritis".
        (
            "tender temples, jaw aches when i chew and my hips are stiff in the morning",
            Some((URGENT, "Bad headaches that keep coming back")),
        ),
        ("tylenol and ibuprofen gel dont help my artheritis knee in bed", None),
        // Sight lost suddenly, even for minutes, is the 999 sign (an editorial grade).
        (
            "pain in the side of my head, jaw aches when eating, lost vision in one eye briefly",
            Some((EMERGENCY, "Losing some or all of the sight")),
        ),
        ("my vision goes blurry when im tired", None),
        // A hard, red cord along a vein (phlebitis); lumpy veins that ache are not it.
        (
            "hard red cord along the vein in my calf",
            Some((URGENT, "New swelling in one leg")),
        ),
        ("lumpy varicose veins that ache in the evening", None),
        // A pop at the back of the heel with no tiptoe (a torn Achilles tendon); a blow to the
        // leg with a tight, numb leg or pain that painkillers do not touch (compartment syndrome).
        (
            "felt a pop at the back of my heel playing squash, cant go up on tiptoe",
            Some((EMERGENCY, broken)),
        ),
        (
            "kicked in the calf at football, calf swollen and tight and my foot is numb",
            Some((EMERGENCY, broken)),
        ),
        (
            "tackled hard, shin pain keeps getting worse even with codeine",
            Some((EMERGENCY, broken)),
        ),
        (
            "crushed my foot at work, pain much worse than expected, pins and needles",
            Some((EMERGENCY, broken)),
        ),
        ("leg in cast and toes are cold", Some((EMERGENCY, broken))),
        ("bruised my shin on the coffee table, a bit swollen", None),
        ("my back pops and my ankle aches at night", None),
        ("kicked the back of my heel on the step, bit sore", None),
        (
            "broke my ankle last year and it aches worse than expected in the cold",
            None,
        ),
        ("my achilles aches after running", None),
    ]);
}

#[test]
fn muddled_blue_lips_a_hot_shiny_shin_toes_going_purple_and_feet_let_down_are_routed() {
    assert_cues(&[
        // Sepsis: "muddled" is confused, and lips gone blue with an infection are a 999 sign.
        (
            "dads leg is red and swollen, hes shivery and muddled and his lips look blue",
            Some((EMERGENCY, "A red, hot or swollen leg")),
        ),
        // Skin hot, tight and shiny with a temperature: an infection of the skin.
        (
            "my shin is hot, tight and shiny and i have a temperature",
            Some((URGENT, "New swelling in one leg")),
        ),
        ("legs hot at night, room temperature is fine", None),
        // Toes "going" purple (as typed): toes that "go" white in the cold are Raynaud's.
        (
            "grans toes going dusky purple this month, ache at night",
            Some((URGENT, "Skin on a toe, foot or leg")),
        ),
        ("toes go white then blue when im cold in bed", None),
        // Rest pain eased with the feet let down, as with the leg.
        (
            "toes ache at night, better when i sit in the chair with my feet down",
            Some((URGENT, "Pain in the foot or toes when you rest")),
        ),
    ]);
}

#[test]
fn phrases_whose_words_mean_something_else_show_no_sign_but_their_meaning_does() {
    assert_cues(&[
        // A burning pain "like a hot wire" is no hot leg; a hot water bottle no hot skin.
        (
            "pain from my bum down the back of my leg like a hot wire, worse lying on my back",
            None,
        ),
        ("hot water bottle on my lower back helps the pain down my leg", None),
        (
            "my calf is hot, red and swollen",
            Some((URGENT, "New swelling in one leg")),
        ),
        // Falling asleep is no fall; a fall still is.
        (
            "fell asleep on the sofa with my leg under me, woke up and couldnt feel it",
            None,
        ),
        (
            "fell down the stairs and cant get up",
            Some((EMERGENCY, "After a fall or injury")),
        ),
        // Muscles weak "like wet noodles" are weak muscles, not a wet bed.
        ("first leg day at the gym, thighs feel like wet sand", None),
        (
            "on water tablets, legs cramping and muscles weak like wet noodles and heart fluttering",
            Some((URGENT, "If you take water tablets (diuretics)")),
        ),
        // Heat with sweating that has stopped is heatstroke; sweating in the heat is not.
        ("hot weather, sweat a lot, not drinking enough, cramps at night", None),
        (
            "working in the heat all day and now i have stopped sweating",
            Some((EMERGENCY, HEAT)),
        ),
    ]);
}

#[test]
fn the_emergencies_of_the_hardest_development_sets_are_routed() {
    assert_cues(&[
        // "nothing" ending a clause negates no more: the numb, pale toes in a cast are read.
        (
            "new plaster cast today, pain worse not better, painkillers doing nothing, toes numb and pale",
            Some((EMERGENCY, "After a fall or injury")),
        ),
        ("numb toes for ages, nothing new", None),
        // A negating word inside a declared phrase is part of what it says.
        (
            "can not move my leg since this morning",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        // A worry that a vein will burst is no burst vein.
        ("bulging veins throb by the evening, scared theyll burst", None),
        (
            "my varicose vein burst in the bath",
            Some((EMERGENCY, "A varicose vein that is bleeding")),
        ),
        (
            "on warfarin, thigh swelled up tight and bruised, no fall",
            Some((EMERGENCY, "While you take a blood thinner")),
        ),
        (
            "mum's leg went dead and i cant find any pulse at her ankle",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        (
            "knee popped out sideways at rugby, foot below it cold and pale",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        (
            "over the last few hours gone numb from the waist down",
            Some((EMERGENCY, "Back pain or sciatica")),
        ),
        (
            "back killing me, got a fever and now my legs are going weak",
            Some((EMERGENCY, "Back pain or sciatica")),
        ),
        (
            "baby cries when i change his nappy, floppy and burning hot",
            Some((EMERGENCY, "A red, hot or swollen leg, or any other infection")),
        ),
        (
            "trapped my leg under a pallet, shin rock hard, pain off the scale when i move my toes",
            Some((EMERGENCY, "After a fall or injury")),
        ),
        (
            "heard a pop at the back of my ankle playing squash",
            Some((EMERGENCY, "After a fall or injury")),
        ),
        (
            "felt a pop behind my knee, now calf swollen",
            Some((URGENT, "New swelling in one leg")),
        ),
        (
            "ankles swollen for weeks, tonight sitting up gasping for air",
            Some((EMERGENCY, "Chest pain, breathlessness")),
        ),
        ("ankles swollen and a bit breathless on the stairs", None),
        (
            "plaster cast since yesterday, toes pins and needles, painkillers doing nothing",
            Some((EMERGENCY, "After a fall or injury")),
        ),
        (
            "diabetic foot swollen and warm and the arch looks flat, doesnt hurt",
            Some((URGENT, "New swelling in one leg")),
        ),
        (
            "toes go red when i dangle them and white when my legs are up",
            Some((URGENT, "Pain in the foot or toes when you rest")),
        ),
    ]);
}

#[test]
fn emergencies_told_by_relatives_and_carers_are_routed() {
    assert_cues(&[
        // A fit: in pregnancy, or with water tablets; "rings dont fit" is no fit.
        (
            "wife 34 weeks, ankles and face blew up, headache, went stiff and shook for a minute",
            Some((EMERGENCY, "Someone who suddenly becomes confused")),
        ),
        (
            "32 weeks pregnant, face puffy, rings dont fit, headache",
            Some((URGENT, "Pregnant, or given birth")),
        ),
        (
            "mum is on water tablets, leg cramps for days, today she had a fit",
            Some((EMERGENCY, "Someone who suddenly becomes confused")),
        ),
        // Numb from the belly button down; a numb patch and a big belly are not that.
        (
            "numb from the belly button down since an hour ago",
            Some((EMERGENCY, "Back pain or sciatica")),
        ),
        ("burning numb patch on my thigh, tight belt, big belly", None),
        (
            "dads leg feels like someone elses leg and its stone cold compared to the other",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        (
            "father in law has prostate cancer, backache worse at night, legs like jelly",
            Some((EMERGENCY, "Back pain or sciatica")),
        ),
        (
            "mum flew back from australia, ankle puffy, dizzy when she takes a deep breath",
            Some((EMERGENCY, "Chest pain, breathlessness")),
        ),
        (
            "the resident's calf is twice the size of the other and he is breathing fast",
            Some((EMERGENCY, "Chest pain, breathlessness")),
        ),
        (
            "passed out drunk with my leg under me, thigh massive and tight as a drum",
            Some((EMERGENCY, "After very hard or unusual exercise, a crush")),
        ),
        (
            "mum has lymphoedema, her leg has gone pink and warm",
            Some((URGENT, "New swelling in one leg")),
        ),
        (
            "dad on apixaban, his wee is pink",
            Some((EMERGENCY, "While you take a blood thinner")),
        ),
        (
            "new knee 6 weeks ago, red with gunk from the scar, shaking uncontrollably",
            Some((EMERGENCY, "A red, hot or swollen leg, or any other infection")),
        ),
        (
            "his leg gave way and his hand went clumsy for ten minutes",
            Some((EMERGENCY, "Sudden weakness or numbness down one side")),
        ),
        (
            "came off the ladder, something hard pushing against the skin of my shin",
            Some((EMERGENCY, "After a fall or injury")),
        ),
    ]);
}
