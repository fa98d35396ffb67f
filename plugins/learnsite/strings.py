"""The interface strings learnsite adds to pages (block titles, checklist controls, page labels),
in every language the site supports, and the way it writes a file size for readers. Content is
translated by authors; these are ours.

Plain data below the renderers: they write these strings, and the link checks derive the
headings (so the anchors) of the generated pages from them without rendering a page."""

from __future__ import annotations

from collections.abc import Callable

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "for-trainers": "For trainers",
        "activity": "Activity",
        "case-study": "Case study",
        "key-messages": "Key messages",
        "handout": "Handout",
        "answer": "Answer",
        "in-pack": "In the participant pack",
        "slide": "Slide",
        "slides": "Slides",
        "continued": "(continued)",
        "minutes": "minutes",
        "min": "min",
        "objectives": "Objectives",
        "materials": "Materials",
        "presentation": "Presentation",
        "discussion": "Discussion",
        "role-play": "Role play",
        "exercise": "Exercise",
        "assessment": "Assessment",
        "draft": "Draft",
        "review": "In review",
        "published": "Published",
        "retired": "Retired",
        "version": "Version",
        "last-reviewed": "Last reviewed",
        "review-due": "Review due since",
        "part-of": "Part of",
        "before-this-module": "Before this module",
        "sessions": "Sessions",
        "session": "Session",
        "method": "Method",
        "total": "Total",
        "for": "For",
        "total-contact-time": "Total contact time",
        "over-days": "over {n} days",
        "over-day": "over 1 day",
        "handbooks": "Handbooks",
        "edition-trainer": "trainer edition",
        "edition-participant": "participant edition",
        "programme-objectives": "What participants will be able to do",
        "timetable": "Timetable",
        "time": "Time",
        "contents": "Contents",
        "handouts": "Handouts",
        "per-participant": "{n} per participant",
        "per-group": "{n} per group of {size}",
        "per-room": "{n} for the room",
        "bring": "Bring",
        "handout-in-session": "Handout in the session",
        "material-file": "Material in the repository, printed with the handouts",
        "trainers-only": "trainers only",
        "facilitator-guide": "Facilitator guide",
        "guide-title": "Facilitator guide: {programme}",
        "guide-intro": "Everything to prepare for, deliver and close this programme, gathered from its "
                       "sessions: it changes when they change.",
        "before-the-course": "Before the course",
        "days-before": "{n} days before",
        "on-the-day": "On the day",
        "task": "Task",
        "when": "When",
        "task-why": "Why",
        "room-and-equipment": "Room and equipment",
        "room-groups": "Tables for groups of {size}, for: {sessions}.",
        "room-projector": "A projector and screen for the slides of each day.",
        "materials-list": "Materials",
        "materials-intro": "Each session's materials, with the copies to make and where each comes from. "
                           "Handouts and participant materials are also printed together in the participant "
                           "handbook.",
        "item": "Item",
        "copies": "Copies",
        "from": "Where it comes from",
        "day-at-a-glance": "The day at a glance",
        "after-the-course": "After the course",
        "compare-tests": "Compare each participant's answers in {pre} and {post}, question by question, and "
                         "report the change to the centre.",
        "evaluation": "Collect the evaluation forms ({session}) and summarise them for the centre.",
        "certificates": "Print the attendance sheets, the evaluation form and the certificates with "
                        "`learnsite course {programme} --participants FILE.csv --dates {dates} --out DIR`. "
                        "Certificates state {hours} of training, computed from the timetable. The "
                        "participants' file stays on your computer: it never enters the repository or the "
                        "site.",
        "no-materials": "Nothing to prepare.",
        "date-placeholder": "YYYY-MM-DD",
        "overview": "Programme overview",
        "notes": "Notes",
        "checklist-form": "Use the printable form of this checklist in the Checklists part.",
        "answer-space": "Your answer",
        "hours-minutes": "{h} h {m:02d} min",
        "handbook-facts": "{pages} pages, {size}",
        "translated-share": "translated: {share}",
        "translated-sessions": "{sessions} of {total} sessions",
        "translated-pages": "{pages} of {total} pages",
        "list-comma": ", ",
        "list-semicolon": "; ",
        "quoted": "“{text}”",
        "teaching-time": "{minutes} minutes of teaching.",
        "day": "Day {n}",
        "starts": "Starts {start}",
        "ends-by": "ends by {end}",
        "overrun": "This day runs {minutes} minutes past its planned end at {end}.",
        "guidance": "Guidance",
        "checklists": "Checklists",
        "training": "Training",
        "audiences": "Audiences",
        "glossary": "Glossary",
        "other-modules": "Other modules",
        "audience-page": "For {audience}",
        "training-programmes": "Training programmes",
        "modules": "Modules",
        "nothing-yet": "Nothing is written for this audience yet.",
        "related": "Related",
        "xlsform-heading": "Use this checklist in KoboToolbox or ODK Collect",
        "xlsform-text": "Case managers who collect data with KoboToolbox or ODK Collect can load "
                        "this checklist as a form, in English and Arabic where it is translated. "
                        "It asks the same signs as this page and computes the same result from "
                        "the same rule, with the findings behind it, even without a connection. "
                        "Unlike this page, a form keeps the answers and sends them to your "
                        "server: collect them only as your organisation's rules on personal data "
                        "allow.",
        "xlsform-download": "Download the form (XLSForm)",
        "privacy": "**Your answers stay on this page.** Nothing is sent anywhere or saved on this "
                   "device: leaving or reloading the page clears them. Use *Export* to keep a copy "
                   "for a case file.",
        "about-person": "About the person",
        "ask": "Ask",
        "look": "Look for",
        "yes": "Yes",
        "no": "No",
        "unknown": "Not sure",
        "result": "Result",
        "result-placeholder": "Answer the questions above: the result appears here as you go.",
        "refer-to": "Refer to:",
        "no-script": "The live result needs JavaScript. Use the decision guide below instead.",
        "print": "Print",
        "export": "Export answers",
        "clear": "Clear all answers",
        "how-decided": "How the result is decided",
        "how-decided-text": "An indicator counts as present when it, or any of its signs, is "
                            "answered yes. The first outcome below whose condition holds is the "
                            "result.",
        "present": "Indicators present:",
        "context": "Context, not counted",
        "counts-toward": "Counts toward: {element}",
        "source": "Source:",
        "why": "Why this result",
        "why-empty": "No sign has been answered yes yet.",
        "context-recorded": "Context, recorded but not counted:",
        "decision-link": "How the result is decided, indicator by indicator",
        "decision-title": "{checklist}: how the result is decided",
        "decision-nav": "How the result is decided",
        "decision-back": "The checklist itself:",
        "decision-intro": "This page is written from the same data as the checklist, so it always "
                          "says what the checklist does. The result tells you whether to refer; "
                          "it is never a legal finding.",
        "decision-facts": "A sign answered **Yes** is a fact. Each sign shows one element, so one "
                          "fact never counts twice. An indicator is present when one of its "
                          "signs is a fact. An unanswered sign counts as **Not sure**.",
        "decision-context": "**Context** signs record a situation that makes a person vulnerable, "
                            "such as not speaking the language. They are shown with the result "
                            "and never count toward an element: what counts is someone using "
                            "that situation against the person.",
        "outcomes-in-order": "The outcomes in order",
        "outcomes-in-order-text": "The result is the first outcome whose condition holds.",
        "questions": "Questions about the person",
        "by-asking": "Found by asking",
        "by-looking": "Found by looking",
        "by-context": "Context, not counted",
        "rule-when": "when {condition}",
        "rule-otherwise": "in every other case",
        "rule-present": "there is a sign of *{element}*",
        "rule-distinct-one": "there is a sign of *{element}*",
        "rule-distinct": "there are signs of {elements}, each shown by a different fact",
        "rule-indicator": "the indicator *{indicator}* is present",
        "rule-answer": "the answer to “{question}” is *{answer}*",
        "rule-answer-not": "the answer to “{question}” is not *{answer}*",
        "rule-unknown": "something is still unanswered or marked *Not sure*",
        "rule-known": "everything is answered",
        "rule-some": "at least one indicator is present",
        "rule-none": "no indicator is present",
        "rule-not": "it is not so that {condition}",
        "rule-and": " and ",
        "rule-or": " or ",
        "case-result": "What the checklist gives for this case",
        "notes-sources": "Sources",
        "term-source": "The term as in:",
        "term-synonyms": "Also said:",
        "term-deprecated": "Not to be used:",
        "term-wording": "The official wording of this term",
        "term-wording-to-confirm": "The wording “{term}” has not yet been checked against an "
                                   "official text.",
        "sources": "Sources",
        "sources-intro": "Every source the guidance and the training rely on, in full, with the "
                         "pages that cite it. A number beside a statement on a page leads to its "
                         "source under that page.",
        "cited-on": "Cited on:",
        "not-cited": "Not cited yet.",
        "kind-convention": "Convention",
        "kind-protocol": "Protocol",
        "kind-recommendation": "Recommendation",
        "kind-law": "National law",
        "kind-guideline": "Guidelines",
        "kind-manual": "Manual",
        "kind-report": "Report",
        "review-queue": "To be confirmed by the centre",
        "review-queue-intro": "Statements the centre has still to confirm before they are taught as "
                              "fact: national procedures, agency names, penalties, the hotline. Each "
                              "shows on its page as a dashed note, and participant handbooks leave "
                              "it out. Once confirmed, write the statement as fact, with its "
                              "source, and remove the block.",
        "review-queue-count": "Open items: {items}. Pages: {pages}.",
        "review-queue-none": "Nothing is waiting to be confirmed.",
        "to-confirm": "To be confirmed by the centre",
        "to-confirm-reason": "Why: {reason}.",
        "to-confirm-owner": "Who can confirm it: {owner}.",
        "case-outcome": "{checklist}: **{outcome}**",
        "case-yes": "Answered yes:",
        "case-not-sure": "Not sure:",
        "case-rest": "Every other sign is answered no.",
        "to-be-confirmed": "to be confirmed by the centre",
        "untranslated": "This page is not yet translated into {language}. It is shown in {source}.",
        "in-source-language": "in English",
        "offline-copy": "You are reading the offline copy of this site. It works without a "
                        "connection; download a new copy now and then for updates.",
        "offline-download": "Download the whole site for offline use",
        "offline-how": "unzip it and open <code>index.html</code>.",
        "size-kb": "{n} KB",
        "size-mb": "{n} MB",
        "app": "Use it as an app",
        "app-short-name": "Frontline Guidance",
        "app-intro": "This site works as an app on your phone or computer. Once it is installed, "
                     "every page in English and Arabic, the search and the checklists work without "
                     "a connection. Nothing you enter in a checklist is sent or saved.",
        "app-install": "How to install it",
        "app-android": "On Android",
        "app-android-how": "open this site in Chrome, tap the menu (⋮), then <em>Install app</em> "
                           "or <em>Add to Home screen</em>.",
        "app-ios": "On iPhone and iPad",
        "app-ios-how": "open this site in Safari, tap <em>Share</em>, then <em>Add to Home "
                       "Screen</em>.",
        "app-space": "How much space it takes",
        "app-size": "It keeps {size} on your device: {pages} pages in both languages, with the "
                    "search, the checklists and the fonts. Your browser keeps them after your "
                    "first visit, even if you do not install the app.",
        "app-pdfs": "The PDF handbooks and materials are not kept in advance, because they are "
                    "large. One you open while online stays readable offline until the site is "
                    "next updated.",
        "app-updates": "When the centre publishes changes, the next time you are online the app "
                       "fetches only the files that changed, and tells you that an update is ready.",
        "app-update": "An update of this site is ready.",
        "app-reload": "Reload",
        "app-offline": "You are offline",
        "app-offline-text": "This page is not kept on this device. Every page of the site works "
                            "without a connection; a PDF handbook works only if you opened it "
                            "before.",
        "app-offline-home": "Go to the home page",
        # The paperwork of a course (learnsite course): forms of a count are separated by |.
        "course-months": "January|February|March|April|May|June|July|August|September|October|"
                         "November|December",
        "course-date": "{day} {month} {year}",
        "course-day-month": "{day} {month}",
        "course-dates-comma": ", ",
        "course-dates-and": " and ",
        "course-hours": "1 hour|{n} hours",
        "course-minutes": "1 minute|{n} minutes",
        "course-duration": "{hours} and {minutes}",
        "course-participants": "1 participant|{n} participants",
        "course-programme": "Programme",
        "attendance-title": "Attendance sheet",
        "attendance-date": "Date",
        "attendance-number": "No.",
        "attendance-name-en": "Name in English",
        "attendance-name-ar": "Name in Arabic",
        "attendance-organisation": "Organisation",
        "attendance-signature": "Signature",
        "attendance-trainer": "Trainer's name and signature",
        "certificate-title": "Certificate of completion",
        "certificate-awarded-to": "This certificate is awarded to",
        "certificate-for-completing": "for completing the training programme",
        "certificate-held": "held on {dates}",
        "certificate-hours": "{duration} of training",
        "certificate-trainer": "Trainer",
        "certificate-centre": "For the centre",
        "certificate-code": "Verification code",
        "evaluation-title": "Course evaluation",
        "evaluation-anonymous": "This form is anonymous: please do not write your name on it. Your "
                                "honest answers help the centre improve the training.",
        "evaluation-reaction": "The training",
        "evaluation-reaction-scale": "Circle one number for each statement: 1 = I do not agree at "
                                     "all, 5 = I fully agree.",
        "evaluation-statement": "Statement",
        "evaluation-relevance": "The training was relevant to my work.",
        "evaluation-methods": "The methods (case studies, exercises, discussion) helped me learn.",
        "evaluation-pace": "The pace and timing were right.",
        "evaluation-trainer": "The trainers explained clearly and answered my questions.",
        "evaluation-venue": "The venue and the organisation were good.",
        "evaluation-learning": "What you learned",
        "evaluation-learning-scale": "For each module, circle how well you could do what it teaches "
                                     "before the course, and how well you can do it now: 1 = not at "
                                     "all, 5 = fully and with confidence.",
        "evaluation-module": "Module",
        "evaluation-before": "Before the course",
        "evaluation-now": "Now",
        "evaluation-use": "Using it at work",
        "evaluation-use-which": "Which of these will you use in your work in the next three months? "
                                "Tick all that apply.",
        "evaluation-obstacles": "What might stop you from using them?",
        "evaluation-comments": "Any other comments",
        "evaluation-thanks": "Thank you.",
        "translation-status": "Translation status",
        "translation-status-intro": "For translators: what each language still lacks. A translation "
                                    "is *stale* when its source changed after it was translated, or "
                                    "when it does not record which version it translates; bring it "
                                    "up to date, then run `learnsite translations --stamp FILE`. Run "
                                    "`learnsite translations` for the same list on your computer.",
        "translation-counts": "{translated} of {total} sources translated: {current} up to date, "
                              "{stale} stale, {missing} missing.",
        "translations-stale": "Stale",
        "translations-missing": "Missing",
        "records-no-version": "records no source version",
        "changed-since": "{source} changed since",
    },
    "ar": {
        "for-trainers": "للمدرّبين",
        "activity": "نشاط",
        "case-study": "دراسة حالة",
        "key-messages": "رسائل أساسية",
        "handout": "نشرة",
        "answer": "الإجابة",
        "in-pack": "ضمن حزمة المشاركين",
        "slide": "شريحة",
        "slides": "الشرائح",
        "continued": "(تتمة)",
        "minutes": "دقيقة",
        "min": "د",
        "objectives": "الأهداف",
        "materials": "المواد",
        "presentation": "عرض تقديمي",
        "discussion": "نقاش",
        "role-play": "لعب أدوار",
        "exercise": "تمرين",
        "assessment": "تقييم",
        "draft": "مسودة",
        "review": "قيد المراجعة",
        "published": "منشور",
        "retired": "متوقف",
        "version": "الإصدار",
        "last-reviewed": "آخر مراجعة",
        "review-due": "المراجعة مستحقة منذ",
        "part-of": "ضمن",
        "before-this-module": "قبل هذه الوحدة",
        "sessions": "الجلسات",
        "session": "الجلسة",
        "method": "الأسلوب",
        "total": "المجموع",
        "for": "الفئة",
        "total-contact-time": "مجموع ساعات التدريب",
        "over-days": "على مدى {n} أيام",
        "over-day": "في يوم واحد",
        "handbooks": "الأدلة",
        "edition-trainer": "نسخة المدرّب",
        "edition-participant": "نسخة المشارك",
        "programme-objectives": "ما سيتمكن المشاركون من فعله",
        "timetable": "الجدول الزمني",
        "time": "الوقت",
        "contents": "المحتويات",
        "handouts": "النشرات",
        "per-participant": "{n} لكل مشارك",
        "per-group": "{n} لكل مجموعة من {size}",
        "per-room": "{n} للقاعة",
        "bring": "يُحضَر",
        "handout-in-session": "نشرة في الجلسة",
        "material-file": "مادة تدريبية في المستودع، تُطبع مع النشرات",
        "trainers-only": "للمدربين فقط",
        "facilitator-guide": "دليل الميسّر",
        "guide-title": "دليل الميسّر: {programme}",
        "guide-intro": "كل ما يلزم للتحضير لهذا البرنامج وتنفيذه واختتامه، مجموعًا من جلساته: يتغيّر حين "
                       "تتغيّر.",
        "before-the-course": "قبل الدورة",
        "days-before": "قبل {n} يومًا",
        "on-the-day": "يوم الدورة",
        "task": "المهمة",
        "when": "متى",
        "task-why": "السبب",
        "room-and-equipment": "القاعة والتجهيزات",
        "room-groups": "طاولات لمجموعات من {size}، من أجل: {sessions}.",
        "room-projector": "جهاز عرض وشاشة لشرائح كل يوم.",
        "materials-list": "المواد",
        "materials-intro": "مواد كل جلسة، وعدد النسخ المطلوبة، ومصدر كل منها. تُطبع النشرات ومواد المشاركين "
                           "أيضًا مجتمعةً في دليل المشارك.",
        "item": "البند",
        "copies": "النسخ",
        "from": "المصدر",
        "day-at-a-glance": "اليوم في لمحة",
        "after-the-course": "بعد الدورة",
        "compare-tests": "قارن إجابات كل مشارك في {pre} و{post}، سؤالًا بسؤال، وأبلغ المركز بالتغيّر.",
        "evaluation": "اجمع استمارات التقييم ({session}) ولخّصها للمركز.",
        "certificates": "اطبع كشوف الحضور واستمارة التقييم والشهادات بالأمر `learnsite course {programme} "
                        "--participants FILE.csv --dates {dates} --out DIR`. تذكر الشهادات مدة التدريب "
                        "({hours})، محسوبة من الجدول الزمني. يبقى ملف المشاركين على حاسوبك: لا يدخل المستودع "
                        "ولا الموقع أبدًا.",
        "no-materials": "لا شيء يلزم تحضيره.",
        "date-placeholder": "YYYY-MM-DD",
        "overview": "نظرة عامة على البرنامج",
        "notes": "ملاحظات",
        "checklist-form": "استخدم النموذج المطبوع لقائمة التحقق هذه في جزء قوائم التحقق.",
        "answer-space": "إجابتك",
        "hours-minutes": "{h} ساعة و{m} دقيقة",
        "handbook-facts": "{pages} صفحة، {size}",
        "translated-share": "المترجَم منه: {share}",
        "translated-sessions": "{sessions} من {total} جلسة",
        "translated-pages": "{pages} من {total} صفحة",
        "list-comma": "، ",
        "list-semicolon": "؛ ",
        "quoted": "«{text}»",
        "teaching-time": "{minutes} دقيقة من التدريب.",
        "day": "اليوم {n}",
        "starts": "يبدأ {start}",
        "ends-by": "وينتهي قبل {end}",
        "overrun": "يتجاوز هذا اليوم موعد انتهائه المقرر ({end}) بمقدار {minutes} دقيقة.",
        "guidance": "إرشادات",
        "checklists": "قوائم التحقق",
        "training": "التدريب",
        "audiences": "الفئات المستهدفة",
        "glossary": "مسرد المصطلحات",
        "other-modules": "وحدات أخرى",
        "audience-page": "مواد الفئة: {audience}",
        "training-programmes": "البرامج التدريبية",
        "modules": "الوحدات",
        "nothing-yet": "لا يوجد محتوى لهذه الفئة بعد.",
        "related": "مصطلحات ذات صلة",
        "xlsform-heading": "استخدم قائمة التحقق هذه في KoboToolbox أو ODK Collect",
        "xlsform-text": "يستطيع مديرو الحالات الذين يجمعون البيانات باستخدام KoboToolbox أو ODK "
                        "Collect تحميل قائمة التحقق هذه نموذجًا، بالعربية والإنجليزية حيث تتوفر "
                        "ترجمتها. يطرح النموذج العلامات نفسها التي تطرحها هذه الصفحة، ويحسب "
                        "النتيجة نفسها من القاعدة نفسها، مع الوقائع التي تستند إليها، حتى دون "
                        "اتصال بالإنترنت. وخلافًا لهذه الصفحة، يحتفظ النموذج بالإجابات ويرسلها "
                        "إلى خادمكم: لا تجمعوها إلا بما تسمح به قواعد مؤسستكم في حماية البيانات "
                        "الشخصية.",
        "xlsform-download": "نزّل النموذج (XLSForm)",
        "privacy": "**تبقى إجاباتك في هذه الصفحة.** لا يُرسَل أي شيء ولا يُحفَظ على هذا الجهاز: "
                   "مغادرة الصفحة أو إعادة تحميلها تمحو الإجابات. استخدم *تصدير* للاحتفاظ بنسخة "
                   "في ملف الحالة.",
        "about-person": "عن الشخص",
        "ask": "اسأل",
        "look": "لاحظ",
        "yes": "نعم",
        "no": "لا",
        "unknown": "لست متأكدًا",
        "result": "النتيجة",
        "result-placeholder": "أجب عن الأسئلة أعلاه: تظهر النتيجة هنا أثناء الإجابة.",
        "refer-to": "الإحالة إلى:",
        "no-script": "تحتاج النتيجة الفورية إلى JavaScript. استخدم دليل القرار أدناه بدلًا منها.",
        "print": "طباعة",
        "export": "تصدير الإجابات",
        "clear": "مسح كل الإجابات",
        "how-decided": "كيف تُحدَّد النتيجة",
        "how-decided-text": "يُعدّ المؤشر قائمًا إذا كانت الإجابة عنه أو عن أيٍّ من علاماته «نعم». "
                            "النتيجة هي أول نتيجة أدناه يتحقق شرطها.",
        "present": "المؤشرات القائمة:",
        "context": "سياق، لا يُحتسب",
        "counts-toward": "تُحتسب ضمن: {element}",
        "source": "المصدر:",
        "why": "لماذا هذه النتيجة",
        "why-empty": "لم تُجَب أي علامة بـ«نعم» بعد.",
        "context-recorded": "السياق، مسجَّل ولا يُحتسب:",
        "decision-link": "كيف تُحدَّد النتيجة، مؤشرًا مؤشرًا",
        "decision-title": "{checklist}: كيف تُحدَّد النتيجة",
        "decision-nav": "كيف تُحدَّد النتيجة",
        "decision-back": "قائمة التحقق نفسها:",
        "decision-intro": "كُتبت هذه الصفحة من البيانات نفسها التي تقوم عليها قائمة التحقق، فهي "
                          "تصف دائمًا ما تفعله القائمة. تبيّن لك النتيجة هل تُحيل الحالة أم لا، "
                          "ولا تُعدّ أبدًا حكمًا قانونيًا.",
        "decision-facts": "العلامة التي أجبت عنها بـ**نعم** واقعةٌ ثابتة. وكل علامة تدل على عنصر "
                          "واحد، فلا تُحتسب الواقعة الواحدة مرتين. ويكون المؤشر قائمًا إذا ثبتت "
                          "إحدى علاماته. والعلامة التي لم تُجَب تُعامَل معاملة **لست متأكدًا**.",
        "decision-context": "علامات **السياق** تسجّل وضعًا يجعل الشخص أكثر عرضة للاستغلال، مثل عدم "
                            "التحدث بلغة البلد. تُعرض مع النتيجة ولا تُحتسب أبدًا ضمن أي عنصر: "
                            "الذي يُحتسب هو أن يستغل أحدٌ هذا الوضع ضد الشخص.",
        "outcomes-in-order": "النتائج بالترتيب",
        "outcomes-in-order-text": "النتيجة هي أول نتيجة يتحقق شرطها.",
        "questions": "أسئلة عن الشخص",
        "by-asking": "تُعرف بالسؤال",
        "by-looking": "تُعرف بالملاحظة",
        "by-context": "سياق، لا يُحتسب",
        "rule-when": "إذا {condition}",
        "rule-otherwise": "في كل الحالات الأخرى",
        "rule-present": "وُجدت علامة على *{element}*",
        "rule-distinct-one": "وُجدت علامة على *{element}*",
        "rule-distinct": "وُجدت علامات على {elements}، تدل على كلٍّ منها واقعةٌ مختلفة",
        "rule-indicator": "كان مؤشر *{indicator}* قائمًا",
        "rule-answer": "كانت الإجابة عن «{question}» هي *{answer}*",
        "rule-answer-not": "لم تكن الإجابة عن «{question}» هي *{answer}*",
        "rule-unknown": "بقي شيء دون إجابة أو أُجيب عنه بـ*لست متأكدًا*",
        "rule-known": "أُجيب عن كل شيء",
        "rule-some": "كان مؤشر واحد على الأقل قائمًا",
        "rule-none": "لم يكن أي مؤشر قائمًا",
        "rule-not": "لم يتحقق أنه {condition}",
        "rule-and": " و",
        "rule-or": " أو ",
        "case-result": "ما تعطيه قائمة التحقق لهذه الحالة",
        "notes-sources": "المصادر",
        "term-source": "المصطلح كما ورد في:",
        "term-synonyms": "ويقال أيضًا:",
        "term-deprecated": "لا يُستخدم:",
        "term-wording": "الصيغة الرسمية لهذا المصطلح",
        "term-wording-to-confirm": "لم تُطابَق صيغة «{term}» بعدُ مع نص رسمي.",
        "sources": "المصادر",
        "sources-intro": "كل المصادر التي تستند إليها الإرشادات والتدريب، كاملةً، مع الصفحات التي "
                         "تستشهد بها. يقود الرقم المجاور لأي عبارة في الصفحة إلى مصدرها أسفل تلك "
                         "الصفحة.",
        "cited-on": "يُستشهد به في:",
        "not-cited": "لم يُستشهد به بعد.",
        "kind-convention": "اتفاقية",
        "kind-protocol": "بروتوكول",
        "kind-recommendation": "توصية",
        "kind-law": "قانون وطني",
        "kind-guideline": "مبادئ توجيهية",
        "kind-manual": "دليل",
        "kind-report": "تقرير",
        "review-queue": "بانتظار تأكيد المركز",
        "review-queue-intro": "عبارات لم يؤكدها المركز بعد، فلا تُدرَّس على أنها حقائق: الإجراءات "
                              "الوطنية، وأسماء الجهات، والعقوبات، والخط الساخن. تظهر كل منها في "
                              "صفحتها ملاحظةً بإطار متقطع، ولا تُدرج في أدلة المشاركين. وبعد "
                              "تأكيدها، تُكتب العبارة حقيقةً مع مصدرها، ويُحذف المربع.",
        "review-queue-count": "البنود المفتوحة: {items}. الصفحات: {pages}.",
        "review-queue-none": "لا شيء ينتظر التأكيد.",
        "to-confirm": "بانتظار تأكيد المركز",
        "to-confirm-reason": "السبب: {reason}.",
        "to-confirm-owner": "الجهة التي يمكنها التأكيد: {owner}.",
        "case-outcome": "{checklist}: **{outcome}**",
        "case-yes": "أُجيب بـ«نعم» عن:",
        "case-not-sure": "لست متأكدًا:",
        "case-rest": "وأُجيب عن كل العلامات الأخرى بـ«لا».",
        "to-be-confirmed": "يؤكده المركز لاحقًا",
        "untranslated": "لم تُترجَم هذه الصفحة إلى {language} بعد، فهي معروضة {source}.",
        "in-source-language": "بالإنجليزية",
        "offline-copy": "أنت تقرأ النسخة غير المتصلة من هذا الموقع، وهي تعمل دون اتصال بالإنترنت. "
                        "نزّل نسخة جديدة من حين لآخر للحصول على التحديثات.",
        "offline-download": "تنزيل الموقع كاملًا للاستخدام دون اتصال",
        "offline-how": "فكّ ضغط الملف وافتح <code>index.html</code>.",
        "size-kb": "{n} كيلوبايت",
        "size-mb": "{n} ميغابايت",
        "app": "استخدام الموقع تطبيقًا",
        "app-short-name": "الإرشاد الميداني",
        "app-intro": "يعمل هذا الموقع تطبيقًا على هاتفك أو حاسوبك. بعد تثبيته تعمل دون اتصال "
                     "بالإنترنت كلُّ صفحاته بالعربية والإنجليزية، والبحث، وقوائم التحقق. لا يُرسَل "
                     "شيء مما تُدخله في قوائم التحقق ولا يُحفَظ.",
        "app-install": "طريقة التثبيت",
        "app-android": "على أندرويد",
        "app-android-how": "افتح هذا الموقع في متصفح <bdi>Chrome</bdi>، واضغط على القائمة (⋮)، "
                           "ثم <em>تثبيت التطبيق</em> أو <em>إضافة إلى الشاشة الرئيسية</em>.",
        "app-ios": "على آيفون وآيباد",
        "app-ios-how": "افتح هذا الموقع في متصفح <bdi>Safari</bdi>، واضغط على زر <em>المشاركة</em>، "
                       "ثم <em>إضافة إلى الشاشة الرئيسية</em>.",
        "app-space": "المساحة التي يشغلها",
        "app-size": "يحفظ على جهازك {size}: صفحات الموقع باللغتين (وعددها {pages})، مع البحث "
                    "وقوائم التحقق والخطوط. يحفظها متصفحك بعد زيارتك الأولى، حتى إن لم تثبّت "
                    "التطبيق.",
        "app-pdfs": "لا تُحفَظ الأدلة والمواد بصيغة <bdi>PDF</bdi> مسبقًا لأنها كبيرة الحجم. ما "
                    "تفتحه منها وأنت متصل يبقى متاحًا دون اتصال حتى التحديث التالي للموقع.",
        "app-updates": "عندما ينشر المركز تغييرات، يجلب التطبيق في المرة التالية التي تتصل فيها "
                       "بالإنترنت الملفاتِ التي تغيّرت وحدها، ويُعلمك بأن تحديثًا أصبح جاهزًا.",
        "app-update": "تحديث لهذا الموقع جاهز.",
        "app-reload": "إعادة التحميل",
        "app-offline": "أنت غير متصل بالإنترنت",
        "app-offline-text": "هذه الصفحة غير محفوظة على هذا الجهاز. تعمل كل صفحات الموقع دون "
                            "اتصال، أما الأدلة بصيغة <bdi>PDF</bdi> فلا تعمل إلا إن فتحتها من قبل.",
        "app-offline-home": "الذهاب إلى الصفحة الرئيسية",
        "course-months": "يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|"
                         "ديسمبر",
        "course-date": "{day} {month} {year}",
        "course-day-month": "{day} {month}",
        "course-dates-comma": " و",
        "course-dates-and": " و",
        "course-hours": "ساعة واحدة|ساعتان|{n} ساعات|{n} ساعة|{n} ساعة",
        "course-minutes": "دقيقة واحدة|دقيقتان|{n} دقائق|{n} دقيقة|{n} دقيقة",
        "course-duration": "{hours} و{minutes}",
        "course-participants": "مشارك واحد|مشاركان|{n} مشاركين|{n} مشاركًا|{n} مشارك",
        "course-programme": "البرنامج",
        "attendance-title": "كشف الحضور",
        "attendance-date": "التاريخ",
        "attendance-number": "م",
        "attendance-name-en": "الاسم بالإنجليزية",
        "attendance-name-ar": "الاسم بالعربية",
        "attendance-organisation": "جهة العمل",
        "attendance-signature": "التوقيع",
        "attendance-trainer": "اسم المدرّب وتوقيعه",
        "certificate-title": "شهادة إتمام",
        "certificate-awarded-to": "تُمنَح هذه الشهادة إلى",
        "certificate-for-completing": "لإتمام البرنامج التدريبي",
        "certificate-held": "المنعقد في {dates}",
        "certificate-hours": "بمجموع {duration} من التدريب",
        "certificate-trainer": "المدرّب",
        "certificate-centre": "عن المركز",
        "certificate-code": "رمز التحقق",
        "evaluation-title": "استمارة تقييم البرنامج التدريبي",
        "evaluation-anonymous": "هذه الاستمارة سرّية لا تحمل اسمًا، فيُرجى عدم كتابة اسمك عليها. "
                                "تساعد إجاباتك الصريحة المركزَ على تطوير التدريب.",
        "evaluation-reaction": "التدريب",
        "evaluation-reaction-scale": "ضع دائرة حول رقم واحد لكل عبارة: 1 = لا أوافق إطلاقًا، "
                                     "5 = أوافق تمامًا.",
        "evaluation-statement": "العبارة",
        "evaluation-relevance": "كان التدريب وثيق الصلة بعملي.",
        "evaluation-methods": "ساعدتني أساليب التدريب (دراسات الحالة والتمارين والنقاش) على التعلّم.",
        "evaluation-pace": "كانت وتيرة التدريب وتوقيته مناسبَين.",
        "evaluation-trainer": "قدّم فريق التدريب شرحًا واضحًا وأجاب عن أسئلتي.",
        "evaluation-venue": "كان مكان التدريب وتنظيمه جيدَين.",
        "evaluation-learning": "ما تعلّمته",
        "evaluation-learning-scale": "لكل وحدة، ضع دائرة حول مدى قدرتك على تطبيق ما تتناوله قبل "
                                     "التدريب، ثم حول مدى قدرتك على ذلك الآن: 1 = لا أستطيع إطلاقًا، "
                                     "5 = أستطيع تمامًا وبثقة.",
        "evaluation-module": "الوحدة",
        "evaluation-before": "قبل التدريب",
        "evaluation-now": "الآن",
        "evaluation-use": "التطبيق في العمل",
        "evaluation-use-which": "أيٌّ مما يلي ستطبّقه في عملك خلال الأشهر الثلاثة القادمة؟ ضع علامة "
                                "أمام كل ما ينطبق.",
        "evaluation-obstacles": "ما الذي قد يحول دون تطبيقه؟",
        "evaluation-comments": "ملاحظات أخرى",
        "evaluation-thanks": "شكرًا لك.",
        "translation-status": "حالة الترجمة",
        "translation-status-intro": "للمترجمين: ما ينقص كل لغة. تكون الترجمة *قديمة* إذا تغيّر مصدرها "
                                    "بعد ترجمتها، أو إذا لم تسجّل إصدار المصدر الذي تترجمه؛ حدِّثها "
                                    "ثم شغّل الأمر `learnsite translations --stamp FILE`. ويعرض "
                                    "الأمر `learnsite translations` القائمة نفسها على حاسوبك.",
        "translation-counts": "المصادر المترجمة: {translated} من {total}؛ المحدَّثة: {current}، "
                              "والقديمة: {stale}، وغير المترجمة: {missing}.",
        "translations-stale": "ترجمات قديمة",
        "translations-missing": "مصادر بلا ترجمة",
        "records-no-version": "لا تسجّل إصدار المصدر",
        "changed-since": "تغيّر {source} منذ ترجمتها",
    },
}


def translator(language: str) -> Callable[..., str]:
    """`t(key, **values)` for one language, falling back to English for a missing string."""
    table = STRINGS.get(language, {})

    def t(key: str, **values: object) -> str:
        text = table.get(key) or STRINGS["en"][key]
        return text.format(**values) if values else text

    return t


def human_size(size: int, language: str) -> str:
    """A size as readers say it, in `language`: 840 KB, 3.2 MB."""
    t = translator(language)
    if size < 1024 * 1024:
        return t("size-kb", n=max(1, round(size / 1024)))
    return t("size-mb", n=f"{size / (1024 * 1024):.1f}")


def counted(n: int, noun: str) -> str:
    """"1 file", "3 files": for the command line's messages, which are in English."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
