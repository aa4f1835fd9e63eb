//! Archives in several languages: each article's language detected (or given with
//! `--lang`), its words analysed in that language, queries analysed in every language the
//! index holds, `lang:` and `--lang` filters, the language facet, snippets marked in each
//! language.

use serde_json::Value;

use crate::env::TestEnv;

const GERMAN_1: &str = "Regierung kündigt Wahlen an\n12. März 2021\n\n\
    Die Regierung hat am Dienstag angekündigt, dass die Wahlen im Herbst stattfinden sollen. \
    Die Opposition kritisierte den Zeitplan als zu knapp und forderte mehr Zeit für die \
    Vorbereitung der Parteien.\n";
const GERMAN_2: &str = "Opposition gewinnt die Wahl\n3. Oktober 2021\n\n\
    Bei der Wahl am Sonntag hat die Opposition deutlich gewonnen. Mehrere Regierungen in \
    Europa gratulierten noch in der Nacht, und die Parteien begannen mit Gesprächen über \
    eine neue Koalition.\n";
const FRENCH: &str = "Le gouvernement annonce des élections\n14 mars 2021\n\n\
    Le gouvernement a annoncé mardi que les élections auraient lieu à l'automne. \
    L'opposition a jugé le calendrier trop serré et a demandé plus de temps pour les partis.\n";
const ENGLISH: &str = "Government calls early elections\n15 March 2021\n\n\
    The government announced on Tuesday that the elections would be held in the autumn. \
    The opposition said the timetable was too tight and asked for more time for the parties.\n";
const CHINESE: &str = "北京大学举行毕业典礼\n2021年7月1日\n\n\
    北京大学周四举行毕业典礼，数千名学生参加。校长在讲话中鼓励毕业生服务社会，\
    并表示大学将继续扩大国际合作。许多家长也来到校园，与学生一起庆祝。\n";

fn mixed() -> TestEnv {
    let env = TestEnv::empty();
    env.add()
        .file("de/wahlen.txt", GERMAN_1)
        .file("de/wahl.txt", GERMAN_2)
        .file("fr/elections.txt", FRENCH)
        .file("en/elections.txt", ENGLISH)
        .file("zh/beida.txt", CHINESE);
    env.index_archive(&[]);
    env
}

fn languages_by_path(env: &TestEnv) -> Vec<(String, String)> {
    let v = env.search_json(&["", "-n", "100"]);
    let mut out: Vec<(String, String)> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["path"].as_str().unwrap().to_string(),
                h["language"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn each_article_gets_its_language() {
    let env = mixed();
    assert_eq!(
        languages_by_path(&env),
        [
            ("de/wahl.txt", "de"),
            ("de/wahlen.txt", "de"),
            ("en/elections.txt", "en"),
            ("fr/elections.txt", "fr"),
            ("zh/beida.txt", "zh"),
        ]
        .map(|(p, l)| (p.to_string(), l.to_string()))
    );
    let facets = env.run(&["facets", "language", "--format", "json"]);
    let v: Value = serde_json::from_slice(&facets.stdout).unwrap();
    assert_eq!(
        v["values"][0],
        serde_json::json!({"value": "de", "count": 2})
    );
    // What `extract` shows is what is indexed.
    let out = env.run(&[
        "extract",
        "--format",
        "jsonl",
        env.archive().join("fr/elections.txt").to_str().unwrap(),
    ]);
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["language"], "fr");
}

#[test]
fn inflected_forms_meet_in_their_language() {
    let env = mixed();
    for q in ["Wahl", "Wahlen", "wahlen"] {
        assert_eq!(
            crate::env::sorted(env.paths(&[q, "lang:de"])),
            ["de/wahl.txt", "de/wahlen.txt"],
            "{q}"
        );
    }
    for q in ["Regierung", "Regierungen"] {
        assert_eq!(
            crate::env::sorted(env.paths(&[q])),
            ["de/wahl.txt", "de/wahlen.txt"],
            "{q}"
        );
    }
    // English stays English: elections finds election(s), in English and in French
    // ("élections" folds to the same word) but not in German.
    let english = crate::env::sorted(env.paths(&["election"]));
    assert!(
        english.contains(&"en/elections.txt".to_string()),
        "{english:?}"
    );
    assert!(!english.iter().any(|p| p.starts_with("de/")));
    // The snippet marks the German form the article has.
    let v = env.search_json(&["Wahl", "lang:de", "--sort", "oldest"]);
    let hit = &v["hits"][0];
    assert_eq!(hit["path"], "de/wahlen.txt");
    let text: Vec<char> = hit["snippet"]["text"].as_str().unwrap().chars().collect();
    let marked: Vec<String> = hit["snippet"]["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let (a, b) = (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            );
            text[a..b].iter().collect()
        })
        .collect();
    assert!(marked.iter().any(|m| m == "Wahlen"), "{marked:?}");
}

#[test]
fn chinese_words_are_found_inside_sentences() {
    let env = mixed();
    for q in ["大学", "毕业典礼", "北京大学", "学生"] {
        assert_eq!(env.paths(&[q]), ["zh/beida.txt"], "{q}");
    }
    assert!(env.paths(&["大海"]).is_empty());
    let v = env.search_json(&["学生"]);
    assert!(!v["hits"][0]["snippet"]["highlights"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn language_filters_and_overrides() {
    let env = mixed();
    assert_eq!(env.paths(&["", "lang:fr"]), ["fr/elections.txt"]);
    assert_eq!(env.paths(&["", "--lang", "fr"]), ["fr/elections.txt"]);
    assert_eq!(env.paths(&["", "lang:fra"]), ["fr/elections.txt"]);
    let bad = env.run(&["search", "lang:klingon"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(crate::env::stderr(&bad).contains("unknown language"));
    let bad = env.run(&["search", "x", "--lang", "xx"]);
    assert_eq!(bad.status.code(), Some(2));
    // A whole archive declared French is re-read as French.
    let out = env.run(&[
        "index",
        "-q",
        "--lang",
        "fr",
        env.archive().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", crate::env::stderr(&out));
    assert!(languages_by_path(&env).iter().all(|(_, l)| l == "fr"));
}

#[test]
fn a_declared_language_counts_when_the_text_is_too_short_to_tell() {
    let env = TestEnv::empty();
    env.add()
        .file(
            "short.html",
            "<!doctype html><html lang=\"fr\"><head><title>Brève</title></head>\
             <body><article><h1>Brève</h1><p>Ouverture lundi.</p></article></body></html>",
        )
        .file(
            "mislabelled.html",
            format!(
                "<!doctype html><html lang=\"en\"><head><title>Wahl</title></head><body><article>\
                 <h1>Regierung kündigt Wahlen an</h1><p>{}</p></article></body></html>",
                GERMAN_1.lines().skip(3).collect::<Vec<_>>().join(" ")
            ),
        );
    env.index_archive(&[]);
    let langs = languages_by_path(&env);
    assert!(
        langs.contains(&("short.html".to_string(), "fr".to_string())),
        "{langs:?}"
    );
    // The text, long enough to tell, wins over what the page declares.
    assert!(
        langs.contains(&("mislabelled.html".to_string(), "de".to_string())),
        "{langs:?}"
    );
}

#[test]
fn a_word_is_found_inside_german_compounds() {
    let env = TestEnv::empty();
    env.add().file(
        "bund.txt",
        "Bundesregierung beschließt Haushalt\n4. Mai 2021\n\n\
         Die Bundesregierung hat am Mittwoch den Haushalt für das kommende Jahr beschlossen. \
         Der Finanzminister sprach von einem soliden Entwurf, die Opposition von einem \
         Haushalt ohne Zukunft.\n",
    );
    env.index_archive(&[]);
    assert_eq!(env.paths(&["Regierung"]), ["bund.txt"]);
    assert_eq!(env.paths(&["Finanz"]), ["bund.txt"]);
    // Words under four letters are not looked for inside others ("und" in "Bundes...").
    assert!(env.paths(&["und"]).is_empty());
}

#[test]
fn or_queries_leave_out_the_function_words_of_the_index_languages() {
    let env = TestEnv::empty();
    env.add().file("wahl.txt", GERMAN_2).file(
        "wetter.txt",
        "Sturm über der Küste\n5. März 2021\n\nDie Feuerwehr war die ganze Nacht im Einsatz, \
             nachdem ein Sturm die Küste getroffen hatte. Die Bewohner wurden gebeten, in ihren \
             Häusern zu bleiben, bis die Straßen wieder frei sind.\n",
    );
    env.index_archive(&[]);
    // "die" would match every German article; with --any it is left out, as "the" is.
    assert_eq!(env.paths(&["die Wahl", "--any"]), ["wahl.txt"]);
    // Alone, or required, it is searched.
    assert_eq!(env.search_json(&["die", "--any"])["total_hits"], 2);
    assert_eq!(env.search_json(&["+die Wahl", "--any"])["total_hits"], 2);
}

#[test]
fn a_json_record_declares_its_own_language() {
    let env = TestEnv::empty();
    env.add().file(
        "feed.jsonl",
        "{\"id\": \"a\", \"title\": \"Kurz\", \"body\": \"Heute offen.\", \"language\": \"de\"}\n\
         {\"id\": \"b\", \"title\": \"Breve\", \"body\": \"Abierto hoy.\", \"inLanguage\": \"es-ES\"}\n\
         {\"id\": \"c\", \"title\": \"Short\", \"body\": \"Open today.\"}\n",
    );
    env.index_archive(&[]);
    let v = env.search_json(&["", "-n", "10", "--sort", "oldest"]);
    let mut langs: Vec<(String, String)> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["title"].as_str().unwrap().to_string(),
                h["language"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    langs.sort();
    assert_eq!(
        langs,
        [("Breve", "es"), ("Kurz", "de"), ("Short", "und")]
            .map(|(t, l)| (t.to_string(), l.to_string()))
    );
}
