namespace SpasmCare.Web.Features.PublicSite;

/// <summary>
/// The English pages the public site ships with. Added at startup for any page that does not exist yet, so an
/// admin's edits are never overwritten and a new page appears after an upgrade. Hindi and Marathi pages are left
/// for a translator: until one exists, the English page is shown with a note.
/// </summary>
public static class ContentSeed
{
    public sealed record Seed(string Slug, string Title, string MetaDescription, string Markdown);

    public static async Task EnsurePagesAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
        var existing = await db.ContentPages.Where(p => p.Language == "en").Select(p => p.Slug).ToListAsync(ct);
        var missing = English.Where(s => !existing.Contains(s.Slug, StringComparer.Ordinal)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        db.ContentPages.AddRange(missing.Select(s => new ContentPage
        {
            Slug = s.Slug, Language = "en", Title = s.Title, MetaDescription = s.MetaDescription, Markdown = s.Markdown.Trim() + "\n",
        }));
        await db.SaveChangesAsync(ct);
    }

    public static readonly IReadOnlyList<Seed> English =
    [
        new(PublicPages.Home, "Help for hemifacial spasm",
            "Hemifacial spasm makes one side of the face twitch. Read what causes it, how it is treated, and how to ask our doctors for help.",
            """
            # Help for hemifacial spasm

            Does one side of your face twitch on its own, often starting around the eye? You may have **hemifacial
            spasm** (HFS). It is not dangerous in most people, but it can be tiring and embarrassing, and it can make
            reading, driving or talking to people harder. The good news: it can almost always be treated well.

            Our doctors see people with hemifacial spasm every week. These pages explain the condition in plain words
            so that you know what to expect before your first visit.

            ## Start here

            - [What is hemifacial spasm, and what causes it?](/Clinic/about-hfs)
            - [Symptoms: how it starts and how it changes](/Clinic/symptoms)
            - [Is it hemifacial spasm or blepharospasm?](/Clinic/hfs-vs-blepharospasm)
            - [How the diagnosis is made](/Clinic/diagnosis)
            - [Treatments: injections, medicines and surgery](/Clinic/treatments)
            - [Questions people often ask](/Clinic/faq)

            ## Talk to us

            You can [send us a question](/Contact) in English, Hindi or Marathi. We reply by phone or email, usually
            within one working day. The form is not for emergencies: if your face suddenly becomes weak or numb, go
            to the nearest emergency department.
            """),

        new(PublicPages.AboutHfs, "What is hemifacial spasm?",
            "Hemifacial spasm is twitching of one side of the face caused, in most people, by an artery pressing on the facial nerve. Learn about the causes.",
            """
            # What is hemifacial spasm?

            Hemifacial spasm means "spasm of half of the face". The muscles on **one side** of the face tighten and
            twitch without you wanting them to. The twitches come and go, can last a few seconds or longer, and you
            cannot stop them by trying.

            All the muscles of facial expression on one side are controlled by one nerve, the **facial nerve**. In
            hemifacial spasm this nerve sends signals it should not send.

            ## What causes it?

            **In most people, a small blood vessel presses on the facial nerve** where the nerve leaves the brainstem,
            inside the skull. Over the years the constant pulsing against the nerve irritates it, and the nerve
            starts to fire by itself. Doctors call this "primary" hemifacial spasm.

            In a smaller group of people, roughly one in five in published studies, something else is behind it.
            Doctors call this "secondary" hemifacial spasm. Causes include:

            - an earlier **Bell's palsy** (a sudden weakness of one side of the face) that healed with "crossed wires";
            - an **injury** to the facial nerve, or earlier surgery near it;
            - rarely, a **tumour** or cyst near the nerve (fewer than 1 in 100 people with spasm);
            - rarely, multiple sclerosis, a small stroke in the brainstem, or an unusual blood vessel.

            This is one of the reasons your doctor may ask for a brain scan: to be sure nothing other than a blood
            vessel is involved.

            ## Who gets it?

            It usually starts in middle age and is more common in women. It is uncommon overall. It is **not
            contagious**, it does not affect your thinking, and it is not caused by anything you did. A few families
            have more than one person with it, but that is rare.

            ## Read next

            - [Symptoms](/Clinic/symptoms)
            - [How it differs from blepharospasm](/Clinic/hfs-vs-blepharospasm)
            - [How it is diagnosed](/Clinic/diagnosis)
            """),

        new(PublicPages.Symptoms, "Symptoms of hemifacial spasm",
            "Hemifacial spasm usually begins with twitching of the lower eyelid and spreads down the same side of the face. Learn the typical signs.",
            """
            # Symptoms of hemifacial spasm

            ## How it usually starts

            In the typical form, it begins with **small twitches of the eyelid**, often the lower lid, on one side.
            Many people first think it is tiredness or too much screen time. Over months or years the twitching
            **spreads downwards** on the same side: to the cheek, the corner of the mouth and sometimes the neck. In
            one large study it spread to other muscles in more than nine out of ten people.

            ## The less common pattern

            In a small number of people (about 2 to 3 in 100) it goes the other way: it starts around the **mouth or
            lower cheek and moves up** towards the eye.

            ## Other things people notice

            - The eye on that side closes or narrows during a spasm, which can make reading or driving difficult.
            - The corner of the mouth is pulled up or sideways.
            - The **eyebrow may lift while the eye closes**. This unusual sign is typical of hemifacial spasm.
            - The upper and lower parts of the face twitch **at the same moment**.
            - A clicking or ticking sound in the ear on the same side.
            - Spasms are often worse with **stress**, tiredness or talking to people, and calmer with rest. They can
              continue during sleep.
            - After many years, the face on that side may become slightly weaker.

            ## When to see a doctor soon

            Please see a doctor without delay if the spasm:

            - started before the age of 40;
            - affects **both** sides of the face;
            - comes with weakness or numbness of the face, hearing loss, or double vision;
            - started in the lower face with a steady pulling rather than twitching.

            These do not mean something is seriously wrong, but they need a proper check and usually a scan.
            """),

        new(PublicPages.HfsVsBlepharospasm, "Hemifacial spasm or blepharospasm?",
            "Hemifacial spasm and blepharospasm both close the eyes. See a side-by-side comparison of how they differ and why it matters for treatment.",
            """
            # Hemifacial spasm or blepharospasm?

            Both conditions make the eyes close against your will, so they are often confused. They have different
            causes, and the treatment plan differs, so it helps to know which one you have.

            | Feature | Hemifacial spasm | Blepharospasm |
            |---|---|---|
            | Side of the face | One side only | Both eyes, together |
            | Where it is felt | Eye, cheek, mouth, sometimes neck, all on one side | Mainly the eyelids; the lower face only in a related condition |
            | Kind of movement | Twitching or a held squeeze | Blinking more often, then squeezing the eyes shut |
            | Cause | Usually a blood vessel pressing on the facial nerve | A problem in how the brain controls movement (a dystonia) |
            | Light and dry eyes | Not typical | Bright light and gritty, dry eyes are common |
            | Tricks that help | Not typical | Touching the face, humming or talking can briefly help |
            | During sleep | Can continue | Usually stops |
            | Brain scan | Often advised, to see the nerve and vessel | Usually normal |
            | Surgery | An operation can cure it for most people | Surgery on the nerve does not help |
            | Injections | Botulinum toxin works well | Botulinum toxin works well |

            Your doctor tells them apart mostly by watching your face, sometimes helped by a video you take at home
            when the spasms are bad. Other, rarer conditions can also look similar, such as twitching after a Bell's
            palsy, or tics.

            [How the diagnosis is made](/Clinic/diagnosis)
            """),

        new(PublicPages.Diagnosis, "How hemifacial spasm is diagnosed",
            "Hemifacial spasm is diagnosed by examining the face; an MRI scan shows the nerve and nearby vessels and rules out other causes.",
            """
            # How hemifacial spasm is diagnosed

            ## Examination

            There is no blood test for hemifacial spasm. The diagnosis is made by a doctor who **watches your face**
            and asks how it started, how it spread, what makes it worse, and whether you have ever had a Bell's
            palsy or an injury. The doctor also checks the strength and feeling of your face, your eye movements and
            your hearing.

            If the spasms are quiet on the day of your visit, a short **video on your phone** taken during a bad spell
            is very helpful. Bring it along.

            ## MRI scan

            Most people are advised to have an **MRI scan of the brain**. It is painless, uses a magnet rather than
            X-rays, and takes about half an hour. It does two things:

            1. It makes sure there is no other cause, such as a tumour or multiple sclerosis.
            2. With special thin slices, it can show the blood vessel touching the facial nerve. This matters if
               surgery is ever considered.

            A scan alone cannot make the diagnosis: about one in four people **without** any spasm also have a vessel
            touching the nerve. The scan is read together with what the doctor sees.

            ## Nerve tests

            Sometimes a nerve test (electromyography, EMG) is used, especially to tell hemifacial spasm apart from
            twitching after Bell's palsy, or during surgery to check that the nerve has been freed.

            [Read about treatments](/Clinic/treatments)
            """),

        new(PublicPages.Treatments, "Treatments for hemifacial spasm",
            "The three treatments for hemifacial spasm: botulinum toxin injections, medicines, and microvascular decompression surgery. Compare them.",
            """
            # Treatments for hemifacial spasm

            Hemifacial spasm does not usually go away on its own, but it can be controlled very well. There are
            three kinds of treatment. Your doctor will talk through which suits you.

            | Treatment | What it does | How long it helps | Main points |
            |---|---|---|---|
            | [Botulinum toxin injections](/Clinic/botulinum-toxin) | Relaxes the twitching muscles | About 3 months per treatment | The most used treatment; small injections, no hospital stay |
            | [Medicines](/Clinic/medicines) | Calms the nerve signals | While you take them | Help some people, often only partly; need regular checks |
            | [Microvascular decompression surgery](/Clinic/mvd-surgery) | Moves the blood vessel off the nerve | Often permanent | Can cure it; a brain operation with real but small risks |

            Many people have injections for years and are happy with them. Others, often younger and in good health,
            choose surgery to be free of repeat injections. Both choices are reasonable.
            """),

        new(PublicPages.Medicines, "Medicines for hemifacial spasm",
            "Tablets such as carbamazepine can calm hemifacial spasm in some people. Why they need blood tests, and why a gene test comes first for some.",
            """
            # Medicines for hemifacial spasm

            Some tablets calm an over-active nerve. They help some people with hemifacial spasm, but often only
            partly, and the effect tends to fade with time. They are usually used while waiting for other treatment,
            or when injections or surgery are not possible.

            The medicines most often tried are **carbamazepine** (or the related oxcarbazepine) and **clonazepam**.
            Gabapentin and baclofen are sometimes used too.

            ## Why these medicines are monitored

            These are strong medicines, so your doctor starts with a low dose, increases it slowly, and checks on you
            regularly.

            - **A gene test before carbamazepine.** In people with South Asian, East Asian or South-East Asian
              ancestry, a gene type called **HLA-B\*15:02** greatly raises the risk of a rare but very serious skin
              reaction to carbamazepine. About 2 to 4 in 100 people in India carry it. A simple blood test before
              the first tablet tells the doctor whether carbamazepine is safe for you.
            - **Blood tests.** Carbamazepine and oxcarbazepine can lower the salt (sodium) in the blood and can affect
              the liver and blood counts, so blood tests are done from time to time.
            - **Drowsiness.** Clonazepam and similar medicines can cause sleepiness and unsteadiness, which matters for
              driving and for older people who may fall. They should not be stopped suddenly.
            - **Less is better.** Once the spasm is under control, the doctor will try to lower the dose from time to
              time.

            Never start, stop or change these medicines without talking to your doctor. Tell us about any rash,
            fever, mouth ulcers, unusual tiredness or confusion straight away.
            """),

        new(PublicPages.BotulinumToxin, "Botulinum toxin injections for hemifacial spasm",
            "Botulinum toxin injections relax the twitching muscles. They start working in 3 to 5 days, peak at 1 to 2 weeks and last about 3 months.",
            """
            # Botulinum toxin injections

            Botulinum toxin (you may know one brand as Botox) is the treatment most people with hemifacial spasm
            use. In studies, most people get clear relief.

            ## How it works

            Nerves make muscles move by releasing a chemical messenger. Botulinum toxin, given in tiny doses,
            **blocks that messenger in the muscle where it is injected**. The muscle relaxes, so the spasm becomes
            weaker or stops. It does not cure the nerve problem, which is why the effect wears off and the injections
            are repeated.

            ## What happens at the visit

            The doctor gives several small injections with a very fine needle just under the skin around the eye,
            and often in the cheek or near the mouth, on the affected side. It takes a few minutes. You can go home
            straight afterwards and carry on with your day.

            ## When it works, and for how long

            | Step | Typical time |
            |---|---|
            | Starts to work | After about **3 to 5 days** |
            | Best effect | After **1 to 2 weeks** |
            | Lasts | About **3 months** (some people more, some less) |

            Injections are usually repeated about every three months, when the effect wears off. We ask you to note
            the day you feel it wearing off; it helps us plan the next dose.

            ## Side effects

            Side effects are usually mild and wear off over a few weeks, as the toxin does:

            - a drooping eyelid, or the eye not closing fully (use eye drops if it feels dry);
            - a slightly crooked smile or drooping of the mouth on that side;
            - bruising or swelling where the needle went in;
            - rarely, blurred or double vision.

            Tell us about any side effect: the next dose or the injection points can be adjusted.

            ## Why it can stop working

            For most people, injections keep working for many years. If they seem to stop helping, common reasons
            are a dose that is too small or injected in slightly different places, or a different problem than first
            thought. Rarely, after years of treatment, the body makes **antibodies** that block the toxin. This is
            more likely with large doses or injections given too close together, which is one reason doctors
            usually wait about three months between treatments. Your doctor can test for it and change the plan.
            """),

        new(PublicPages.Surgery, "Microvascular decompression (MVD) surgery",
            "Microvascular decompression moves the blood vessel off the facial nerve. About 9 in 10 people are cured. Learn about the hospital stay, risks and recurrence.",
            """
            # Microvascular decompression (MVD) surgery

            Microvascular decompression is an operation that treats the cause of hemifacial spasm: it **separates the
            blood vessel from the facial nerve**. It is the only treatment that can cure the condition.

            ## What happens

            Under general anaesthesia, the surgeon makes a cut behind the ear and a small opening in the skull. Using
            a microscope, the surgeon finds the vessel pressing on the nerve, gently moves it away, and places a
            small soft pad (often Teflon) between them. The nerve is left intact. Nerve and hearing monitoring is
            usually used during the operation to protect them.

            ## Hospital stay

            Most people stay in hospital for a few days; some go home the day after surgery, and in some countries
            stays of one to two weeks are usual. Most people return to normal daily activities within a few weeks.

            ## Results

            In large reviews, about **88 to 91 out of 100 people** are completely free of spasm in the long term.
            About two thirds are free of spasm soon after the operation. For about a quarter, the spasm fades
            **slowly over weeks or months**, sometimes up to a year, so doctors wait before calling an operation
            unsuccessful.

            ## Risks

            Like any brain operation, MVD carries risks. The figures below come from a large review of more than
            5,000 operations:

            | Problem | Temporary | Permanent |
            |---|---|---|
            | Weakness of the face | About 10 in 100 | About 1 in 100 |
            | Hearing loss on that side | About 3 in 100 | About 2 in 100 |
            | Leak of brain fluid through the wound | About 1 to 2 in 100 | — |
            | Stroke or death | — | Fewer than 1 in 1,000 each |

            Facial weakness that appears some days after the operation is usually temporary, and almost everyone
            recovers fully within months.

            ## Can the spasm come back?

            After a successful operation it comes back in only about **1 to 3 in 100** people. A second operation is
            possible, but it has more risks and lower success, so it is planned carefully.

            ## Is surgery right for me?

            Surgery is worth discussing if injections help too little, wear off too quickly, cause side effects, or
            if you would rather aim for a cure. Your age, general health and MRI findings all matter. We will explain
            the choice at your visit; you never have to decide on the day.
            """),

        new(PublicPages.Faq, "Questions about hemifacial spasm",
            "Answers to common questions about hemifacial spasm: is it dangerous, will it spread, is Botox safe, and what to bring to your first visit.",
            """
            # Questions people often ask

            ## Is hemifacial spasm dangerous?

            In most people, no. It is caused by a blood vessel touching a nerve, not by a disease of the brain. A
            small number of people have another cause, which is why a doctor's examination and usually an MRI scan
            are advised.

            ## Will it spread to the other side?

            Very rarely. Hemifacial spasm almost always stays on one side. Spasm on both sides needs a doctor's
            check.

            ## Will it go away by itself?

            It rarely goes away without treatment, and it often spreads slowly on the same side. Treatment works
            well, so there is no need to live with it.

            ## Is it caused by stress?

            Stress does not cause it, but it is the most common thing that makes the spasms worse. Rest and sleep
            often calm them.

            ## Are botulinum toxin injections safe?

            In the small doses used for the face, yes, for most people, and they can be repeated for many years.
            Side effects such as a drooping eyelid are usually mild and wear off. Tell us if you are pregnant,
            breastfeeding or have a muscle or nerve disease.

            ## How soon will I see the effect of an injection?

            Usually within 3 to 5 days, with the best effect after 1 to 2 weeks. It lasts about 3 months.

            ## Do I need an MRI scan?

            Most people do, to rule out other causes and to show the nerve and the vessel. If you have had one
            already, bring the report and the images (CD or link) to your visit.

            ## What should I bring to my first visit?

            - Any MRI or CT reports and images;
            - a list of your medicines, and the dates of any earlier injections;
            - a short video of your face during a spasm, if you can.

            ## Can I ask a question before booking?

            Yes. [Send us your question](/Contact) and we will get back to you.
            """),
    ];
}
