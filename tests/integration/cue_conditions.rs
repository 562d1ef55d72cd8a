//! Emergencies from outside the leg's own causes that a reader may still type into this site's
//! search: a spine hurt in a fall or crash, a snake bite, a torn aorta, tetanus after a wound and
//! sickle cell pain that home treatment does not ease; muscles gone weak or pee gone dark on a
//! statin; a child who is pale, bruised or has a lump on a bone; a severe allergic reaction; a
//! change in a foot with diabetes; sudden pain in a testicle; diabetic ketoacidosis and a child's
//! signs of type 1 diabetes; a heart attack, blood brought up or passed, a kidney infection,
//! itching in pregnancy and blood sugar that stays high; meningitis, heavy bleeding in
//! pregnancy and cramps that last; both legs swelling with breathlessness (heart failure)
//! beside a clot in the lung; and the everyday wordings that share their words but show none
//! of them. Shaking, sweating or a racing heart on an antidepressant (serotonin syndrome) is
//! urgent.

use crate::cues::{assert_cues, COLD, EMERGENCY, HEAT, TESTICLE, URGENT};

#[test]
fn a_hurt_spine_a_snake_bite_a_torn_aorta_tetanus_and_sickle_cell_pain_are_routed() {
    let (spine, aorta, tetanus) = (
        "Back or neck pain after a serious accident",
        "Sudden, severe pain in the chest, back or tummy",
        "After a wound such as a cut",
    );
    assert_cues(&[
        // A fall from a height, or one that leaves the legs numb or unfelt.
        (
            "slipped off the roof fixing a gutter, landed on my back, legs tingling",
            Some((EMERGENCY, spine)),
        ),
        (
            "thrown from my horse onto my back, now my legs feel numb and fizzy",
            Some((EMERGENCY, spine)),
        ),
        ("fell off a ladder and hurt my neck", Some((EMERGENCY, spine))),
        // A snake bite, however well the reader feels.
        (
            "adder bit my son on the foot in the dunes",
            Some((EMERGENCY, "A snake bite")),
        ),
        (
            "think a snake bit my ankle in the long grass, just a bit sore",
            Some((EMERGENCY, "A snake bite")),
        ),
        // A tearing pain high in the back or chest.
        (
            "tearing pain between my shoulder blades and now my legs feel weak",
            Some((EMERGENCY, aorta)),
        ),
        // Spasms or a locked jaw after a wound, or a deep wound or a skin flap.
        (
            "stood on a nail in the garden last week and my calf keeps going into spasms",
            Some((EMERGENCY, tetanus)),
        ),
        (
            "cut my shin on a rusty gate a week ago now my jaw feels stiff",
            Some((EMERGENCY, tetanus)),
        ),
        (
            "grandma caught her shin on the wheelchair, a flap of skin peeled right back",
            Some((EMERGENCY, tetanus)),
        ),
        // Sickle cell pain that painkillers at home do not touch is urgent.
        (
            "sickle cell crisis in both legs, codeine and paracetamol not working",
            Some((URGENT, "Sickle cell pain")),
        ),
    ]);
}

#[test]
fn everyday_wordings_that_share_their_words_show_none_of_these_signs() {
    assert_cues(&[
        // A torn muscle low in the leg is no torn aorta.
        (
            "pulled something, felt a ripping in the back of my thigh sprinting",
            None,
        ),
        ("tearing feeling in my calf when i stretch", None),
        // "Wound up" is no wound, a fungal nail no puncture, "a bit" no bite.
        ("wound up with cramps in both calves after a long walk", None),
        ("fungal nail and leg spasms at night", None),
        ("legs ache a bit at night after gardening", None),
        // Carrying the trait, with ordinary aches, is not a sickle cell crisis.
        ("i carry the sickle cell trait and my legs ache a bit at night", None),
    ]);
    // A jaw that aches when chewing, with stiff shoulders, is temporal arteritis: not tetanus.
    assert_cues(&[(
        "mum 75 stiff shoulders, new headache and her jaw aches when she chews",
        Some((URGENT, "Bad headaches")),
    )]);
}

#[test]
fn weak_muscles_or_dark_pee_on_a_statin_and_a_pale_bruised_or_lumpy_child_are_urgent() {
    let (statin, child) = ("While you take a statin", "A child's leg pain");
    assert_cues(&[
        // The NHS atorvastatin page: unexplained muscle weakness or dark pee, call 111.
        (
            "started atorvastatin last month legs ache all over and my pee has gone dark",
            Some((URGENT, statin)),
        ),
        (
            "dad on statins says all his muscles ache and feel weak, struggling out of his chair",
            Some((URGENT, statin)),
        ),
        (
            "taking simvastatin and my legs ache for no reason",
            Some((URGENT, statin)),
        ),
        // Night cramps on a statin, and nothing more, are for the GP.
        ("on simvastatin, legs cramp at night", None),
        // A child with bone pain who is pale, bruises for no reason, or has a lump on the bone.
        (
            "my 6 year old has achy legs and bruises all over, pale and tired for weeks",
            Some((URGENT, child)),
        ),
        (
            "15yo son knee pain waking him every night and theres a hard lump on his shin bone",
            Some((URGENT, child)),
        ),
        // A cold the illness is no cold leg: before, "pale ... every cold" showed the 999 sign.
        (
            "sons legs ache every night, hes really pale lately, bruises easily and keeps catching every cold going",
            Some((URGENT, child)),
        ),
        // Ordinary knocks, growing pains and a sore bump below the kneecap of a sporty teenager.
        ("my son bruises his shins at football and his legs ache at night", None),
        (
            "my 8 year old gets growing pains most nights, both legs, fine in the morning",
            None,
        ),
        (
            "15 year old plays football most days, sore bump below his kneecap aches at night",
            None,
        ),
    ]);
}

#[test]
fn a_severe_allergic_reaction_a_twisted_testicle_and_a_changed_foot_with_diabetes_are_routed() {
    let (allergy, foot) = ("Swelling of the throat", "If you have diabetes");
    assert_cues(&[
        (
            "took quinine for night cramps now throat swelling rash all over",
            Some((EMERGENCY, allergy)),
        ),
        (
            "throat feels tight and i cant swallow after the wasp sting",
            Some((EMERGENCY, allergy)),
        ),
        // A sore throat with swollen glands, or a tight throat with worry, is no allergic reaction.
        ("sore throat and swollen glands, legs ache like flu", None),
        ("i have a tight throat when anxious and my legs are restless", None),
        // A new wound, redness or smell in a foot with diabetes: the foot team, GP or 111 now.
        (
            "insulin dependent, blister on my sole from new shoes",
            Some((URGENT, foot)),
        ),
        // Sudden, severe pain in a testicle is 999; the ball of a foot is not a testicle.
        (
            "son 15 sudden agony in his testicle and being sick",
            Some((EMERGENCY, TESTICLE)),
        ),
        ("ball of my foot hurts suddenly at night", None),
        // So is a boy's sudden groin pain with being sick; a sprained groin is not.
        (
            "son 13 pain in his groin going down his leg, came on suddenly and hes being sick",
            Some((EMERGENCY, TESTICLE)),
        ),
        ("my son pulled his groin at football, sore when he walks", None),
        // Feet that burn "like hot sand" or "broken glass" are the nerve page, not this sign.
        ("burning feet at night like walking on hot sand, type 2 diabetic", None),
        (
            "burning pins and needles in my soles at night like walking on broken glass, diabetic",
            None,
        ),
    ]);
}

#[test]
fn diabetic_ketoacidosis_is_999_and_a_child_s_signs_of_type_1_diabetes_are_urgent() {
    let (dka, type1) = (
        "Peeing more than usual, very thirsty",
        "A child or young person who pees",
    );
    assert_cues(&[
        (
            "my son is 13 with type 1 diabetes, drinking and weeing loads, tonight he was sick 3 times and is breathing deep and fast",
            Some((EMERGENCY, dka)),
        ),
        ("his breath smells of pear drops", Some((EMERGENCY, dka))),
        ("diabetic and vomiting since last night, legs cramping", Some((EMERGENCY, dka))),
        ("my 8 year old is always thirsty and weeing loads, wetting the bed again", Some((URGENT, type1))),
        ("always thirsty and losing weight, legs ache at night", Some((URGENT, type1))),
        // An adult's thirst on its own is for a GP: type 2 diabetes is more likely, and slower.
        ("always thirsty and up peeing at night, legs cramp", None),
        ("my son has type 1 diabetes and gets leg cramps at night", None),
        ("mum forgets to drink, her wee is dark and her legs cramp at night", None),
        ("what is dka", None),
    ]);
}

#[test]
fn a_heart_attack_and_blood_brought_up_are_999_a_kidney_infection_itching_in_pregnancy_and_high_sugar_urgent() {
    let (heart, blood, kidney, itch, sugar) = (
        "Chest pain that feels heavy",
        "Being sick with blood in it",
        "A high temperature or feeling hot and shivery",
        "Itching while you are pregnant",
        "If you have diabetes: blood sugar that stays high",
    );
    assert_cues(&[
        (
            "i get leg cramps most nights but tonight theres a heavy crushing feeling in my chest going into my left arm and im sweating",
            Some((EMERGENCY, heart)),
        ),
        // A heart attack told as history is no heart attack now.
        (
            "toes burn at night unless i sleep in the chair, had a heart attack before",
            Some((URGENT, "Pain in the foot or toes when you rest")),
        ),
        (
            "been taking ibuprofen for my knee, now my poo is black and sticky like tar",
            Some((EMERGENCY, blood)),
        ),
        ("restless legs as usual, oh and ive vomited blood twice tonight", Some((EMERGENCY, blood))),
        ("legs ache, feel sick and weak, missed my last blood test", None),
        (
            "high temperature and shivery, burning when i wee and a pain just under my ribs",
            Some((URGENT, kidney)),
        ),
        (
            "probably just cystitis, 24 weeks pregnant, stinging wee, pain in my back under the ribs and shivery",
            Some((URGENT, kidney)),
        ),
        (
            "32 weeks pregnant, palms and soles of my feet itch like mad at night",
            Some((URGENT, itch)),
        ),
        (
            "diabetic, sugars have been over 20 for two days, really thirsty and legs cramping",
            Some((URGENT, sugar)),
        ),
    ]);
}

#[test]
fn a_leg_ulcer_is_for_a_gp_unless_it_is_on_the_foot_with_poor_blood_flow_or_infected() {
    let (sore, black) = ("A sore, cut or ulcer on the foot", "Skin on a toe, foot or leg");
    assert_cues(&[
        // The NHS leg ulcer page: see a GP about a wound on the leg that has not healed in 2 weeks.
        (
            "sore above my ankle not healed in 3 weeks, skin round it brownish",
            None,
        ),
        ("sore on my heel not healing", Some((URGENT, sore))),
        ("diabetic and a sore on my shin wont heal", Some((URGENT, sore))),
        (
            "ulcer above my ankle getting bigger and smells, green stuff on the dressing",
            Some((URGENT, black)),
        ),
    ]);
}

#[test]
fn meningitis_and_heavy_bleeding_in_pregnancy_are_999_and_a_cramp_that_lasts_is_urgent() {
    let (meningitis, bleeding, cramp) = (
        "A high temperature with a stiff neck",
        "Pregnant: heavy bleeding",
        "A cramp that lasts longer than 10 minutes",
    );
    assert_cues(&[
        (
            "my 7 year old has a high fever, a stiff neck, hates the light and says his legs hurt",
            Some((EMERGENCY, meningitis)),
        ),
        // "34 weeks" is how far a pregnancy has gone: its signs are read.
        (
            "30 weeks, achy legs all night and now bleeding heavily and my bump has gone hard",
            Some((EMERGENCY, bleeding)),
        ),
        (
            "34 weeks and my face and fingers puffed up overnight, thumping headache",
            Some((URGENT, "Pregnant, or given birth")),
        ),
        ("flying to australia next week how to stop dvt", None),
        // The NHS leg cramps page: a cramp over 10 minutes, or cramps after a dirty wound.
        (
            "cramp in my calf has lasted over 15 minutes and wont ease",
            Some((URGENT, cramp)),
        ),
        (
            "stood on a rusty nail in the garden and now my calf keeps cramping",
            Some((URGENT, cramp)),
        ),
        (
            "calf cramps after 10 minutes walking up the hill, goes when i stand still",
            None,
        ),
        // "Can't" is read as the cue's "cannot", whatever the apostrophe.
        (
            "can't keep even water down for a day, dark wee and dizzy when i stand",
            Some((URGENT, "Signs of serious dehydration")),
        ),
    ]);
}

#[test]
fn signs_told_in_physical_detail_without_alarm_words_are_routed() {
    assert_cues(&[
        (
            "thigh swollen since a long coach trip, tonight I coughed and there were bright red streaks",
            Some((EMERGENCY, "Chest pain, breathlessness or coughing up blood")),
        ),
        (
            "over about a minute my left arm and left leg went heavy and numb",
            Some((EMERGENCY, "Sudden weakness or numbness down one side")),
        ),
        (
            "icy cold hands and feet with a fever, tiny red pinprick spots that stay visible when I press a glass on them",
            Some((EMERGENCY, "A red, hot or swollen leg, or any other infection")),
        ),
        (
            "around 2am the toes on my left foot went a mottled blue grey, the foot is cool and burns",
            Some((EMERGENCY, "A leg or foot that suddenly changes")),
        ),
        (
            "found grandad on the kitchen floor, heating off all night, hes ice cold and mumbling",
            Some((EMERGENCY, COLD)),
        ),
        (
            "on a flat roof all day in 32 degrees, now stopped sweating and talking rubbish",
            Some((EMERGENCY, HEAT)),
        ),
        (
            "tingling started in my soles monday, now reached my knees, legs buckle when I stand, short quick breaths",
            Some((EMERGENCY, "Numbness, tingling or weakness spreading")),
        ),
        // Urgent signs told the same way.
        (
            "calf a bit firmer than the other one and slightly warm since tuesday",
            Some((URGENT, "New swelling in one leg")),
        ),
        (
            "toes pale all the time now and the pain keeps me awake every night, smoked for years",
            Some((URGENT, "Pain in the foot or toes when you rest")),
        ),
        ("smoker, feet always freezing and legs ache in bed", None),
    ]);
}

#[test]
fn both_legs_swelling_with_breathlessness_is_heart_failure_to_see_today_and_a_clot_stays_999() {
    let (heart, clot) = (
        "Both legs or ankles swelling more and more",
        "Chest pain, breathlessness or coughing up blood together with a painful, swollen leg",
    );
    assert_cues(&[
        // Both legs swelling with breathlessness lying flat, or a quick weight gain with heart
        // failure: the GP the same day, not the clot's 999.
        (
            "both legs swollen up to the knees and i get breathless lying flat, need 3 pillows now",
            Some((URGENT, heart)),
        ),
        (
            "i have heart failure, put on 2kg in three days and my ankles are bigger",
            Some((URGENT, heart)),
        ),
        // One swollen leg, or both with chest pain, sudden breathlessness or after a flight,
        // is still the clot in the lung.
        (
            "my left leg is swollen and painful and im breathless",
            Some((EMERGENCY, clot)),
        ),
        (
            "both legs swollen and now suddenly really breathless with chest pain",
            Some((EMERGENCY, clot)),
        ),
        (
            "both legs swollen after a long flight and now short of breath",
            Some((EMERGENCY, clot)),
        ),
        ("both legs swollen and coughing up blood", Some((EMERGENCY, clot))),
    ]);
}

#[test]
fn an_overdose_is_111_and_with_signs_of_serious_poisoning_999() {
    let (serious, overdose) = (
        "Someone who has taken too much of a medicine (an overdose) or swallowed something poisonous",
        "Someone who has taken more of a medicine than the label or their prescription says",
    );
    assert_cues(&[
        // More than the dose, however it is told: 111 even with no sign yet.
        (
            "took a few extra quinine tablets for my leg cramps, now ears ringing and vision gone blurry",
            Some((URGENT, overdose)),
        ),
        (
            "i think i took my amitriptyline twice last night",
            Some((URGENT, overdose)),
        ),
        // With a sign of serious poisoning (being sick, drowsy): 999.
        (
            "took too many painkillers for my sciatica and now im being sick",
            Some((EMERGENCY, serious)),
        ),
        (
            "took the rest of the strip of amitriptyline and now im really drowsy",
            Some((EMERGENCY, serious)),
        ),
        // A question, a dose the GP changed, a rest after the tablets: no overdose.
        ("what happens if you overdose on quinine", None),
        ("GP doubled my atorvastatin, now calves ache", None),
        ("took my tablets and had a rest, legs ache", None),
        ("dont want to take too many painkillers for my back", None),
    ]);
}

#[test]
fn shaking_sweating_or_a_racing_heart_on_an_antidepressant_is_urgent() {
    let serotonin = "While you take an antidepressant or another medicine that raises serotonin";
    assert_cues(&[
        (
            "restless legs way worse since new antidepressant and now twitchy, sweaty and shaky",
            Some((URGENT, serotonin)),
        ),
        (
            "started sertraline and the dentist gave me tramadol, legs keep jerking and my heart is racing",
            Some((URGENT, serotonin)),
        ),
        // One common side effect alone is not it.
        ("on sertraline and i get night sweats", None),
        ("on citalopram and my legs twitch at night", None),
    ]);
}
