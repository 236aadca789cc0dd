# English. Every user-facing text lives here, not in the code. Vietnamese (vi.ftl) is the default language.

## Command descriptions in the menu
cmd-start = Start, or join with an invitation link
cmd-help = What you can do
cmd-me = Information the bot holds about you
cmd-lang = Change language (Tiếng Việt / English)
cmd-cancel = Stop what you are doing
cmd-units = Manage units (Department's Office)
cmd-invite = Create invitation links (Department's Office)
cmd-round = Manage award rounds (Department's Office)

## Roles
role-guest = not registered
role-employee = civil servant, public employee or worker
role-unit_head = head of unit
role-office = Department's Office

## General
office-only = This command is only available to the Department's Office. If you need to use it, please contact the Department's Office to be granted access.
office-private-only = Please use this command in a private chat with the bot: its answer may hold invite links or information meant only for the Department's Office.
private-chat-only = /{$command} works only in a private chat with the bot: please tap the button below to open it.
private-chat-button = 💬 Open a private chat with the bot
error-apology = We apologise: the bot ran into an error while handling this request. Nothing you have saved has been lost; please try again in a few minutes.
stale-button = This button is no longer valid. Please use the most recent message or send /help.
unknown-command = The bot does not recognise this command. Send /help to see the commands you can use.
unknown-input = The bot does not understand this message. Send /help to see what you can do.
edited-message = The bot does not read edited messages: the answer it saved stays as it was. To change an answer, please send a new message (or use an 'Edit' button on the summary).
page-marker = Page {$page}/{$pages}

## Help
help-guest =
    <b>ThiĐua bot</b> helps the Department's civil servants, public employees and workers take part in the emulation movement directly in Telegram: self-assessment against each criterion, with evidence, and reminders before the dossier deadline.

    You are not registered yet. To take part, please ask the Department's Office or your head of unit for your unit's <b>invitation link</b>, then tap that link.

    Commands: /help help · /plan the emulation plan · /lang change language · /me information the bot holds about you
plan-button = 📋 The emulation plan
plan-title = 📋 <b>Plan for the emulation movement “{$title}”</b>
plan-basis = Carrying out {$basis}.
plan-organisers-title = <b>Organiser</b> (who receives each year's dossiers)
plan-organiser = • {$years}: {$name}
plan-purpose-title = <b>Purpose</b>
plan-contents-title = <b>Emulation contents</b>
plan-criteria = <b>Criteria</b>: {$collective} for a collective, {$individual} for an individual. Send /assess to assess yourself against each.
plan-forms-title = <b>Award forms and numbers</b>
plan-form = • {$form}: {$quota}
plan-quota = {$collective} collectives, at most {$individual} individuals
plan-quota-unset = no number set
plan-deadline = <b>Award dossiers</b> go to {$recipient} before {$day} every year.
plan-deadline-open = For {$year}: before {$deadline}.
help-who = You are registered as <b>{$name}</b>, {$role}, {$unit}.
help-who-admin = You are an administrator for the Department's Office (as set in the bot's configuration).
help-common =
    <b>General commands</b>
    /me: view, edit or delete the information the bot holds about you
    /lang: change language
    /cancel: stop what you are doing (anything already saved is kept)
    /help: help
    /plan: the emulation plan: contents, criteria, award forms, deadline
help-office =
    <b>Department's Office commands</b>
    /units: list of units
    /units add &lt;code&gt; &lt;name&gt;: add a unit
    /units rename &lt;code&gt; &lt;new name&gt;: rename a unit
    /units archive &lt;code&gt; · /units restore &lt;code&gt;: archive, restore
    /units sample: add sample units, for trying the bot
    /units office &lt;code&gt;: the Office proposes awards for the unit (Directors' Board, the Office itself)
    /invite &lt;code&gt;: link inviting staff to a unit
    /invite &lt;code&gt; head: link inviting a head of unit
    /invite &lt;code&gt; office: link inviting a member of the Department's Office
    /invite list · /invite revoke &lt;link&gt;: view, revoke links
    /round: award rounds and dossier deadlines
    /round open &lt;year&gt; · /round close &lt;year&gt;: open, close a year's award round

## /cancel
cancel-nothing = There is nothing in progress at the moment. Send /help to see what you can do.
cancel-done = Stopped. Your answers so far have been saved; to carry on, send {$command}.
cancel-registration = Registration stopped. Your answers so far have been saved; send /start (or tap the invitation link again) to carry on where you left off.

## /lang
lang-choose = Please choose a language:
lang-set = Switched to English.

## /start
start-in-group = Please message the bot privately to register and use it.
start-welcome-back = Welcome back.
start-welcome-admin = Hello! <b>ThiĐua bot</b> helps the Department's Office run the emulation movement in Telegram.
start-guest =
    Hello! <b>ThiĐua bot</b> helps the Department's civil servants, public employees and workers take part in the emulation movement directly in Telegram.

    To take part, you need your unit's <b>invitation link</b>. Please ask the Department's Office or your head of unit for the link, then tap it. Send /help to find out more.

## Invitation links
invite-problem-unknown = This invitation link is incorrect or does not exist. Please check it, or ask the Department's Office for a new link.
invite-problem-expired = This invitation link has expired. Please ask the Department's Office for a new link.
invite-problem-revoked = This invitation link has been revoked by the Department's Office. Please ask for a new link.
invite-problem-used = This invitation link could be used only once and has already been used. Please ask the Department's Office for a new link.
invite-problem-unit_archived = The unit this invitation link belongs to is no longer active on the bot. Please contact the Department's Office.
invite-already-member = You are already a member of <b>{$unit}</b> with this role. Send /help to see what you can do.
invite-switch-offer =
    You are currently in <b>{$fromUnit}</b> ({$fromRole}).
    This link invites you to <b>{$toUnit}</b> ({$toRole}). Would you like to move?
invite-switch-yes = Move
invite-switch-no = Stay as I am
invite-switch-done = Moved: you now belong to <b>{$unit}</b> ({$role}).
invite-switch-kept = Your current unit and role have been kept.
invite-switch-pending =
    You have sent your self-assessment or have a nomination for an award in the {$year} review, so a move to <b>{$toUnit}</b> needs the Office's approval.
    The bot has sent your request to the Department's Office. Meanwhile you stay in <b>{$fromUnit}</b>; the bot will tell you the outcome.
mv-request =
    🔁 <b>{$name}</b> ({$fromUnit}, {$fromRole}) asks to move to <b>{$toUnit}</b> ({$toRole}) through an invite link.
    They have sent their self-assessment or have a nomination for an award in the {$year} review, so they move only if the Office approves. Meanwhile they stay in {$fromUnit}.
mv-approve = ✅ Approve the move
mv-refuse = ✖️ Refuse
mv-approved = ✅ Approved: <b>{$name}</b> moves from {$fromUnit} to <b>{$toUnit}</b> ({$role}). The bot will tell them and the heads of both units.
mv-refused = ✖️ Refused: <b>{$name}</b> stays in <b>{$fromUnit}</b>. The bot will tell them.
mv-stale = This move request has already been handled or is no longer valid.
nt-move-approved = ✅ The Department's Office approved your move: you now belong to <b>{$toUnit}</b> ({$role}).
nt-move-refused = ✖️ The Department's Office did not approve your move to <b>{$toUnit}</b>: you stay in <b>{$fromUnit}</b>. Please contact the Office if needed.
nt-person-moved = 🔁 <b>{$name}</b> has moved from <b>{$fromUnit}</b> to <b>{$toUnit}</b> ({$role}).

## During question-and-answer steps
flow-button-not-now = This button cannot be used at this step.
flow-text-expected = Please reply with a text message. Send /cancel if you wish to stop.
flow-press-button = Please tap one of the buttons in the message above. Send /cancel if you wish to stop.
flow-press-button-below = Please tap one of the buttons below, or type the words on one. Send /cancel if you wish to stop.
flow-command-not-now = This command cannot be used while you are answering. Please answer the question, or send /cancel to stop (answers already saved are kept).

## Registration
reg-privacy =
    Welcome to the <b>ThiĐua bot</b> of the {$organisation}.
    This link invites you to join <b>{$unit}</b> with the role of <b>{$role}</b>.

    <b>What the bot will store:</b> your Telegram user ID, full name, position, unit, role and chosen language; later, your self-assessment answers and the evidence you submit; when nominated for an award, the details for the Báo cáo thành tích (date of birth, gender, hometown, qualification, duties, awards received), given by you or your head of unit.
    <b>What for:</b> solely to organise the Department's emulation movement, its reviews and its nominations for awards. The information can be seen by the Department's Office and your head of unit, according to their permissions.
    <b>Your rights:</b> you can view (/me), correct and request deletion of your information at any time (/me).

    Do you consent to the bot storing the information above?
reg-privacy-office =
    Welcome to the <b>ThiĐua bot</b> of the {$organisation}.
    You are an administrator of the <b>{$unit}</b>, as set in the bot's configuration. So that the history of award nominations and the notices name the person who acted, the bot asks for your full name and position.

    <b>What the bot will store:</b> your Telegram user ID, full name, position and chosen language.
    <b>What for:</b> solely to organise the Department's emulation movement, its reviews and its nominations for awards; your name appears in the history of the nominations you handle.
    <b>Your rights:</b> you can view and request deletion of your information at any time (/me).

    Do you consent to the bot storing the information above?
reg-refused-office = The bot stores nothing about you. You can still use the Office's commands; send /start when you wish to give your name.
reg-cancelled-office = Cancelled, and your answers were deleted. You can still use the Office's commands; send /start to give your name again.
reg-done-office =
    Registration complete. Welcome, <b>{$name}</b> ({$role})!
    Send /help to see what you can do.
reg-consent-yes = I agree
reg-consent-no = I do not agree
reg-refused = The bot has not stored any of your information. If you change your mind, simply tap the invitation link again.
reg-resume = You have an unfinished registration for <b>{$unit}</b>. The bot will carry on from the first unanswered question.
reg-ask-name = Please enter your <b>full name</b>, with Vietnamese diacritics (for example: Nguyễn Thị Lan).
reg-ask-position = Please enter your <b>position</b> or job title (for example: Chuyên viên (Specialist), Phó Trưởng phòng (Deputy Head of Division)).
reg-confirm =
    Please check your details:
    Full name: <b>{$name}</b>
    Position: <b>{$position}</b>
    Unit: <b>{$unit}</b>
    Role: <b>{$role}</b>
reg-confirm-yes = ✅ Confirm
reg-edit-name = Edit name
reg-edit-position = Edit position
reg-cancel = Cancel registration
reg-cancelled = Registration cancelled and your answers deleted. You may tap the invitation link again at any time.
reg-ask-new-link = Your answers have been deleted; please ask for a new link and register again.
reg-done =
    Registration complete. Welcome, <b>{$name}</b> ({$role}, {$unit})!
    Send /help to see what you can do.

## Checking names and positions
name-problem-empty = Your full name cannot be left blank. Please enter it again.
name-problem-too_long = Your full name is longer than 80 characters. Please enter it again.
name-problem-too_short = Your full name is too short. Please enter it again.
name-problem-bad_characters = A full name may contain only letters (including Vietnamese diacritics), spaces, hyphens or apostrophes; no numbers or symbols. Please enter it again.
name-problem-one_word = Please enter your full name (at least two words, for example: Nguyễn Thị Lan).
name-problem-bad_word = Each word of a full name must begin with a letter; a hyphen or an apostrophe may only stand between two letters (for example: H'Hen Niê). Please enter it again.
name-problem-hidden_characters = Your full name contains hidden or control characters (invisible characters, text direction overrides...), so it cannot be saved. Please type your full name on the keyboard rather than pasting it.
name-without-marks = The name «{$name}» has no Vietnamese marks. Please type it again with them (for example: Trần Văn Bình); if the name is written that way, tap the button below.
name-keep = Keep «{$name}»
position-problem-empty = Your position cannot be left blank. Please enter it again.
position-problem-too_long = Your position is longer than 100 characters. Please enter something shorter.
position-problem-too_short = Your position is too short. Please enter it again.
position-problem-bad_characters = Your position must contain letters. Please enter it again.
position-problem-one_word = This position is not valid. Please enter it again.
position-problem-bad_word = This position is not valid. Please enter it again.
position-problem-hidden_characters = Your position contains hidden or control characters (invisible characters, text direction overrides...), so it cannot be saved. Please type it on the keyboard rather than pasting it.
input-hidden-characters = Your message contains a hidden or control character ({$code}: an invisible character, or one that makes text show backwards), so the bot did not take it. Nothing has changed; please type it again on the keyboard rather than pasting it.

## /me
me-nothing = The bot does not hold any personal information about you (Telegram ID: {$id}).
me-language-only = The bot only keeps your language choice (Telegram id: {$id}); you have not registered. Press the button below to erase it.
me-draft = You have an unfinished registration (Telegram ID: {$id}). The bot is keeping the answers you have given; send /start to continue, or tap the button below to delete them.
me-office-profile =
    Full name: <b>{$name}</b>
    Position: <b>{$position}</b>
me-admin-by-config = You are an administrator for the Department's Office, as set in the bot's configuration.
me-profile =
    <b>Information the bot holds about you</b>
    Telegram ID: {$id}
    Full name: {$name}
    Position: {$position}
    Unit: {$unit}
    Role: {$role}
    Language: {$language}
    Consent to storage given: {$consentedAt}
    Last updated: {$updatedAt}
me-edit-name = Edit name
me-edit-position = Edit position
me-delete = Delete my data
me-delete-confirm = Are you sure you want to delete your data? You will no longer be a member of your unit on the bot; to rejoin, you will need a new invitation link.
me-delete-yes = Delete
me-delete-no = Do not delete
me-delete-kept = Your information has been kept.
me-deleted = All the information the bot held about you has been deleted.
me-ask-name = Please enter your new <b>full name</b> (send /cancel to keep the current one):
me-ask-position = Please enter your new <b>position</b> (send /cancel to keep the current one):
me-updated = Updated: <b>{$value}</b>.

## /units
units-usage =
    Usage:
    /units: list of units
    /units add &lt;code&gt; &lt;name&gt;: add a unit (for example: /units add HCTP Phòng Hành chính tư pháp)
    /units rename &lt;code&gt; &lt;new name&gt;: rename a unit
    /units archive &lt;code&gt;: archive (deactivate) · /units restore &lt;code&gt;: restore
    /units sample: add the <b>sample</b> list of units, for trying the bot
    /units office &lt;code&gt;: the Office proposes awards for a unit with no head above it (Directors' Board, the Office itself) · /units office &lt;code&gt; off: undo
units-empty = There are no units yet. Add a unit with: /units add &lt;code&gt; &lt;name&gt;
units-header = <b>Units ({$count})</b>
units-line = • <code>{$code}</code> {$name}: {$members} member(s){$office}{$sample}
units-line-archived = • <s><code>{$code}</code> {$name}</s>: archived{$sample}
units-sample-mark = {" "}(sample data)
units-sample-note = Units marked «sample data» are only for trying out the bot; you may rename or archive them.
units-sample-added = Added {$count} <b>sample</b> units for trying the bot: {$codes}. They are marked as sample data; send /units to see them.
units-bad-code = A unit code consists of 2–16 letters or digits, with no spaces (for example: HCTP).
units-bad-name = A unit name must be 2 to 120 characters long and contain letters.
units-code-taken = The code <code>{$code}</code> is already used by another unit (including archived units). Please choose a different code.
units-added = Unit <code>{$code}</code> added: {$name}. Create an invitation link with /invite {$code}
units-not-found = No unit with the code <code>{$code}</code> was found. Send /units to see the list.
units-renamed = Renamed <code>{$code}</code>: «{$old}» to «{$name}».
units-archived = Unit <code>{$code}</code> has been archived. Its invitation links can no longer be used.
units-restored = Unit <code>{$code}</code> has been restored.

## /invite
invite-usage =
    Usage:
    /invite &lt;unit code&gt;: invite staff to a unit
    /invite &lt;unit code&gt; head: invite a head of unit
    /invite &lt;unit code&gt; office: invite a member of the Department's Office
    /invite list: links still valid
    /invite revoke &lt;link&gt;: revoke a link
invite-created = Invitation link created:
invite-line =
    <b>{$unit}</b>, role: {$role}
    {$link}
    Expires: {$expires} · {$uses}
invite-single-use = single use{$used ->
        [0] {""}
       *[other] {""} (used)
    }
invite-multi-use = reusable (used {$used} time(s))
invite-advice-employee = Please send this link to your unit's staff (you may post it in the unit's group chat).
invite-advice-unit_head = This link grants head-of-unit rights: send it privately to the intended person only.
invite-advice-office = This link grants Department's Office rights: send it privately to the intended person only.
invite-revoke = Revoke link
invite-revoked = The invitation link has been revoked; anyone who taps it will be told that it has been revoked.
invite-already-revoked = This link had already been revoked.
invite-not-found = No such valid invitation link was found. Send /invite list to see the links.
invite-list-empty = There are no valid invitation links.
invite-list-header = <b>Valid invitation links ({$count})</b>
invite-unit-archived = Unit <code>{$code}</code> is archived, so no one else can be invited. Restore it with /units restore {$code}

## /round
round-header = <b>Award rounds</b>
round-empty = No award round has been opened yet.
round-line-open = • {$year}: <b>open</b>, dossiers due before {$deadline}{$left}
round-line-closed = • {$year}: closed (dossiers were due before {$deadline})
round-days-left = {" "}({$days} day(s) left)
round-last-day = {" "}(today is the last day)
round-overdue = {" "}({$days} day(s) overdue)
round-usage = Open a round: /round open &lt;year&gt; [deadline dd/mm/yyyy] · Close a round: /round close &lt;year&gt;
round-opened =
    The <b>{$year}</b> award round is now open.
    Award nomination dossiers must reach the Department's Office before {$deadline} (that is, by the end of {$dayBefore} at the latest).
round-reopened =
    The <b>{$year}</b> award round has been reopened.
    The deadline is unchanged: before {$deadline} (that is, by the end of {$dayBefore} at the latest).
round-reopened-new-deadline =
    The <b>{$year}</b> award round has been reopened.
    The round's new deadline: before {$deadline} (that is, by the end of {$dayBefore} at the latest).
round-own-deadline = This is the round's own deadline, set by the Department's Office (the plan's deadline was before {$planned}).
round-kept-past-deadline = Please note: the deadline has passed, so staff and units can only view, except units given an extension (/reopen).
round-deadline-passed =
    Under the plan, the <b>{$year}</b> round's deadline was before {$deadline}, which has passed. Opened with that deadline, staff could not self-assess and units could not send their award nomination dossiers.
    Please choose this round's own deadline: {$days} days from today (before {$offered}), or another date.
round-reopen-deadline-passed =
    The <b>{$year}</b> round's deadline was before {$deadline}, which has passed. Reopened with that deadline, staff and units could only view, not change or send anything.
    Please choose a new deadline: {$days} days from today (before {$offered}) or another date; or reopen it keeping the old deadline.
round-open-offer-button = Open, due before {$date}
round-keep-button = Reopen, keep the old deadline ({$date})
round-other-date-button = Set another deadline
round-cancel-button = Cancel
round-ask-date = Please type the deadline of the {$year} round as dd/mm/yyyy, for example {$example}: dossiers are due before 00:00 on that day. Send /cancel to cancel.
round-date-format = Please write the deadline as dd/mm/yyyy, for example {$example}.
round-date-not_a_date = There is no such date as {$date}.
round-date-past = The deadline must be a day after today ({$today}): dossiers are due before 00:00 on that day.
round-date-too_far = The deadline cannot be later than {$latest} (a year from today, or from the plan's deadline if that is later); please check the year.
round-date-again = Please type the date again as dd/mm/yyyy, or send /cancel to cancel.
round-open-cancelled = Cancelled; the {$year} round has not been opened.
round-already-open = The {$year} award round is already open.
round-other-open = The {$open} award round is open. Only one round is open at a time, so that nobody mixes up their self-assessments; please close the {$open} round (/round close {$open}) before opening {$year}.
round-beyond-period = Please note: this year falls outside the plan's {$from}–{$to} period; the round reuses the plan's criteria and forms of award until a new plan is issued.
round-not-found = There is no award round for {$year} yet.
round-already-closed = The {$year} award round had already been closed.
round-closed = The {$year} award round has been closed. It can be reopened with /round open {$year}
round-year-not_a_year = «{$year}» is not a valid year.
round-year-too_far_back = The plan starts in {$from}; no round can be opened for {$year}.
round-year-too_far_ahead = A round for {$year} cannot be opened yet: rounds can be opened only up to next year.

## Self-assessment (/assess, /unit)
cmd-assess = Self-assess against the emulation criteria
cmd-myresult = View your self-assessment results
cmd-unit = Unit: the unit's self-assessment, staff progress
cmd-reopen = Extend the deadline for a unit (Department's Office)
help-assess =
    <b>Self-assessment</b>
    /assess: self-assess against each criterion, with evidence
    /myresult: view your saved self-assessment
help-unit-head =
    <b>Head of unit</b>
    /unit: the unit's (collective) self-assessment and the progress of staff self-assessments
help-reopen = /reopen &lt;code&gt; [number of days]: extend the deadline for a unit (self-assessments, nominations, dossier); its head is told
as-intro =
    Starting {$subject ->
        [unit] the unit's self-assessment (<b>{$unit}</b>)
       *[other] your own self-assessment
    } for <b>{$year}</b>: {$criteria} criteria, then results in the 6 administrative reform areas.
    Each answer is saved straight away; send /cancel to stop at any time and come back later.
as-which = {$subject ->
        [unit] the unit's self-assessment
       *[other] your own self-assessment
    }
as-resume = Carrying on with {as-which} from the unanswered questions ({$done}/{$total} items completed). Your earlier answers have been kept.
as-already-running = You are partway through {as-which}; the bot will ask the pending question again.
as-editing-submitted = You are changing {as-which}, already submitted; the bot will ask the pending question again.
as-opened-submitted = {$subject ->
        [unit] The unit's self-assessment
       *[other] Your own self-assessment
    } for <b>{$year}</b> has been submitted. You can still change it until the deadline: use the «Edit…» buttons on the summary below, then submit again.
as-paused = Paused {as-which}; your answers are kept. Send {$command} to carry on.
as-progress-criterion = <b>Criterion {$index}/{$total}</b> ({$code})
as-progress-area = <b>Administrative reform area {$index}/{$total}</b>
as-ask-met = {$subject ->
        [unit] Does the unit
       *[other] Do you
    } <b>meet</b> this criterion?
as-yes = ✅ Met
as-no = ❌ Not met
as-ask-account = Please briefly summarise the <b>results and work done</b> that demonstrate this (up to 1,000 characters).
as-ask-account-not-met = You may briefly note the reason or how it will be remedied (up to 1,000 characters), or tap Skip.
as-ask-decision-number = What is the <b>number of the decision</b> recognising the initiative or solution (for example: 125/QĐ-STP)?
as-ask-initiative-name = What is the <b>name of the initiative or solution</b> that was recognised?
as-ask-decision-date = On what <b>date</b> was the decision signed (day/month/year, for example: 15/10/2026)?
as-ask-council = Which <b>council</b> recognised it?
as-ask-rating = What was {$subject ->
        [unit] the unit's
       *[other] your
    } <b>assessment and rating</b> result for {$year}?
as-ask-files = Please send your <b>evidence files</b> (PDF, Word, Excel, JPG or PNG pictures; up to 20 MB each; up to {$max} files), then tap <b>Done</b>. If you have no files, just tap Done.
as-files-received = <b>{$count}</b> evidence file(s) received (at most {$max}). Send more, tap 🗑 to remove one sent by mistake, or tap <b>Done</b>:
as-file-remove = 🗑 {$number}
as-file-removed = File removed.
as-file-photo = Photo
as-file-unnamed = Unnamed file
as-files-done = Done
as-ask-area = In {$year}, what results did {$subject ->
        [unit] the unit
       *[other] you
    } achieve in <b>{$area}</b>? Please answer briefly (up to 1,000 characters), or tap Skip.
as-skip = Skip
as-keep = Keep as is
as-previous = Previous answer: {$value}
as-skipped = (skipped)
as-unanswered = (not answered)
as-stale = This question is no longer waiting for an answer (you answered it, or moved on to something else). To change an answer, use the 'Edit criterion' buttons on the final summary.
as-moved = The question has changed (someone else has just answered this self-assessment), so your last answer was not saved. Here is the current question:
as-moved-unseen = The question has changed: your last answer was sent before the current question appeared, so it was not saved. Here is the current question:
as-text-too_short = This answer is too short. Please give more detail.
as-account-no-sentence = To show the criterion is met, please write at least one short sentence ({$min} characters or more) with a concrete result, for example: "Completed 100% of the assigned tasks on time."
as-text-too_long = This answer is longer than 1,000 characters. Please shorten it.
as-decision-number-no_digit = The decision number must contain digits (for example: 125/QĐ-STP).
as-decision-number-too_long = The decision number is longer than 60 characters.
as-initiative-name-too_short = The name is too short. Please give the initiative's or solution's name.
as-initiative-name-too_long = The name is longer than 300 characters. Please shorten it.
as-decision-date-bad_format = Please write the date as day/month/year, for example: 15/10/2026.
as-decision-date-no_such_date = This date does not exist in the calendar. Please check it.
as-decision-date-in_future = The date of signature cannot be later than today.
as-files-expected = Please send your evidence files (documents or photos), or tap Done.
as-file-wrong_type = This file is not an accepted type. The bot accepts PDF, DOC, DOCX, XLS, XLSX, JPG and PNG.
as-file-too_large = This file is too large: each file may be at most 20 MB.
as-file-too-many = You have already sent the maximum of {$max} files for this criterion. Please tap Done to continue.
av-heading = 📄 <b>{$whose}</b> (read-only)
av-whose-person = Self-assessment of {$name}{$position}, {$unit}
av-whose-unit = The unit's own assessment, {$unit}
av-files-title = <b>Evidence files ({$count})</b>: tap a number to open a file.
av-file-line = {$number}. {$name} (criterion {$criterion})
av-not-visible = You cannot see this self-assessment.
av-not-started = No self-assessment started for {$year}.
av-none = There is no award round yet.
av-open-button = 📄 Self-assessment
as-summary-title = <b>{$subject ->
        [unit] {$unit}: the unit's self-assessment
       *[other] Your self-assessment
    } for {$year}</b>
as-summary-areas = <b>Results by administrative reform area</b>
as-ev-rating = Rating: {$level}
as-ev-initiative = Decision No. {$number} of {$date} (recognised by {$council})
as-ev-files = Evidence files: {$count}
as-ev-rating-pending = Rating: ⏳ awaiting the rating
as-ev-initiative-name = Initiative: {$name}
as-verdict-all-met = ✅ All criteria met.
as-verdict-not-met = Criteria not met or not yet answered: no. {$list}.
as-verdict-awaiting-rating = ⏳ Criterion no. {$list} is awaiting the rating: not counted as met yet. Once the rating is known, tap «Edit criterion {$first}» (send /assess) to add it before the deadline.
as-verdict-forms = By the Office's rule, may be considered for: {$forms}.
as-verdict-no-forms = The answers do not meet the Office's rule for any award form yet; the unit may still nominate, with a reason.
as-status-draft = Status: <b>not submitted</b>.
as-status-submitted = Status: <b>submitted</b> at {$at}.
as-status-open-until = It can be edited any time before {$until}.
as-status-locked = The editing period has ended.
as-submit = 📨 Submit the self-assessment
as-done = Done
as-stop = Later
as-edit-criterion = Edit criterion {$n}
as-edit-area = Edit area {$n}
as-submitted = Submitted. Thank you! Until the deadline, you can still make changes with {$subject ->
        [unit] /unit
       *[other] /assess
    }; every change made after submission is recorded.
as-submitted-again = Saved. The self-assessment remains submitted.
as-stopped = Stopped. All your answers have been saved; send {$command} to carry on.
as-unavailable-not_registered = You are not registered yet. Please tap your unit's invitation link first.
as-unavailable-not_unit_head = /unit is only for heads of unit. You can do your own self-assessment with /assess. If you are a head of unit, please ask the Department's Office for a head-of-unit invite link.
as-unavailable-no_open_round = There is no open award round at the moment. Once the Department's Office opens one, send /assess again.
as-unavailable-round_closed = The {$year} award round has been closed. You can review your self-assessment with /myresult; if something needs changing, please contact the Department's Office.
as-unavailable-locked = The deadline has passed ({$deadline}); the self-assessment can now only be viewed (/myresult). If you need to make changes, please contact the Department's Office.
myresult-none = You have not started your self-assessment for {$year} yet. Send /assess to begin.
myresult-none-round_closed = You have no self-assessment for {$year}: the {$year} round has been closed, so self-assessment is no longer possible. If needed, please contact the Department's Office.
myresult-none-deadline = You have no self-assessment for {$year}: the deadline for self-assessment has passed ({$deadline}), so it can no longer be started. If your unit needs more time, its head can ask the Department's Office for an extension.
myresult-none-decided = You have no self-assessment for {$year}; the nomination of you has already been decided (status: {$status}), so self-assessment is no longer possible.
unit-panel =
    <b>{$unit}</b>, {$year}
    The unit's self-assessment: {$own}
    Staff who have submitted their self-assessment: <b>{$submitted}/{$total}</b> · in progress: {$inProgress} · not started: {$notStarted}
unit-own-not_started = not started
unit-own-in_progress = in progress
unit-own-submitted = submitted
unit-assess-button = The unit's self-assessment
unit-team-button = Individual self-assessments
unit-team-header = <b>Individual self-assessments, {$unit}</b> ({$total} in total)
unit-team-submitted = <b>Submitted ({$count})</b>
unit-team-in_progress = <b>In progress ({$count})</b>
unit-team-not_started = <b>Not started ({$count})</b>
reopen-usage = Usage: /reopen &lt;unit code&gt; [number of days, 1–{$max}, default 3]
reopen-done = Unit {$unit} has its deadline extended, until before {$until} ({$year} award round). Until then:
reopen-notice = The Department's Office has extended the deadline for unit {$unit}, until before {$until} ({$year} award round). Until then:
reopen-open-people = • the unit's staff may change and submit their self-assessments (/assess);
reopen-open-unit = • the head of unit may change and submit the unit's own assessment (/unit), its award nominations (/nominate) and its award dossier (/dossier).
reopen-open-unit-dossier-sent = • the head of unit may change and submit the unit's own assessment (/unit). The unit's award dossier has already been sent, so it stays closed; if it needs changes, the Office returns it.
reopen-heads-told = The bot will tell the head of unit.

## Deadline reminders (/remind, /bind)
cmd-remind = Deadline reminders: schedule, send now, log (Department's Office)
help-remind =
    /remind: upcoming reminder schedule, people who cannot receive messages
    /remind now [code]: send the "what is still missing" reminders now · /remind log: log of reminders sent
help-bind = Add the bot to your unit's group chat, then send /bind in the group so that the group also receives deadline reminders (/unbind to stop).
rm-deadline-days-left = ⏰ <b>{$year} award nomination dossier</b>: <b>{$days ->
        [one] 1 day
       *[other] {$days} days
    }</b> left (deadline: before {$deadline}).
rm-deadline-last-day = ⏰ <b>{$year} award nomination dossier</b>: <b>today is the last day</b> (deadline: before {$deadline}).
rm-deadline-overdue = ⚠️ <b>{$year} award nomination dossier</b>: <b>{$days} days overdue</b> (deadline: before {$deadline}).
rm-unit-owes = <b>{$unit}</b> still has to complete:
rm-owed-people = • {$missing}/{$total} staff have not yet submitted their self-assessment
rm-and-more = … and {$count} more
rm-owed-unit-assessment = • The unit's self-assessment
rm-owed-nominations = • No award nominations yet (a unit nominating no one still submits its dossier to say so)
rm-owed-document = • Missing: {$document}
rm-owed-document-of = • Missing: {$document} – {$nominee}
rm-owed-dossier = • The award dossier has not been submitted
rm-owed-dossier-returned = • The Office returned the dossier for correction: {$reason}
rm-unit-footer-head = Please tap a button below to complete the unit's self-assessment or to view the individual self-assessments.
rm-unit-footer-group = Each person should tap the button below (or send /assess in a private chat with the bot) to complete their self-assessment.
rm-unit-footer-overdue = The deadline has passed. What is missing can be done only once the Office gives the unit more time (a returned dossier can still be corrected and sent again). Please contact the Office.
rm-employee = You have not yet submitted your self-assessment. Please tap the button below (or send /assess) to carry on; the answers you have already given are kept.
rm-employee-awaiting-rating = Your self-assessment is submitted, but criterion {$n} is still <b>awaiting the rating</b> for {$year}. Once the rating is known, send /assess (or tap the button below) and tap «Edit criterion {$n}» to add it before the deadline.
rm-open-assessment = Self-assessment
rm-digest-title = <b>Award nomination dossiers</b>: {$dossiers}/{$total} units have sent their dossier; {$complete}/{$total} units are complete.
rm-digest-people = {$missing}/{$total} staff have not submitted
rm-digest-unit-assessment = the unit's self-assessment is missing
rm-digest-nominations = no nominations yet
rm-digest-documents = {$count ->
    [one] 1 dossier document missing
   *[other] {$count} dossier documents missing
}
rm-digest-dossier = dossier not submitted
rm-digest-dossier-returned = dossier returned
rm-digest-complete = • {$unit}: done
bind-head-only = Only the head of unit or the Department's Office can link a group chat to a unit.
bind-held = This group is linked to <b>{$unit}</b>, so it was not linked to <b>{$own}</b>: a group receives the reminders of one unit only. To change it, the head of <b>{$unit}</b> sends /unbind in this group, or the Department's Office sends /bind &lt;unit code&gt; here.
bind-office-usage = The Department's Office links this group to a unit with /bind &lt;unit code&gt; (see the codes with /units in the private chat with the bot).
unbind-none = This group is not linked to any unit.
unbind-held = This group is linked to <b>{$unit}</b>; only that unit's head or the Department's Office can unlink it.
bind-done = This group is now linked to <b>{$unit}</b>: it will receive the unit's deadline reminders.
unbind-done = This group is no longer linked to <b>{$unit}</b>.
bind-in-group = Please use this command in your unit's group chat: add the bot to the group, then send /bind there.
remind-header = <b>Deadline reminders, {$year}</b>: {$owing}/{$total} units currently have items outstanding. Coming up:
remind-slot-unit = • {$at}: remind units with items outstanding ({$overdue ->
        [yes] overdue
       *[other] {$days} days before the deadline
    })
remind-slot-employee = • {$at}: remind staff who have not submitted their self-assessment ({$days} days before the deadline)
remind-slot-digest = • {$at}: summary sent to the Department's Office
remind-none-upcoming = • No reminders are scheduled.
remind-no-head = {$count} unit(s) still owe something but have no head of unit on the bot, so nobody there is reminded: {$codes}. Create a head-of-unit link with /invite &lt;code&gt; head.
remind-unreachable-header = <b>Could not reach {$count} people/groups</b> (they have not pressed Start or have blocked the bot):
remind-unreachable-none = Everyone due to receive reminders can be reached.
remind-group-of = group of {$unit}
remind-person-id = Telegram user {$id}
remind-usage = /remind now [unit code]: send now · /remind log: log
remind-now-nothing = No unit has anything outstanding: there is nothing to remind.
remind-now-sending = Sending {$count} reminders…
remind-now-done = Sent {$sent}/{$total} reminders.
remind-now-unreachable = Could not reach {$count} people/groups (they have not pressed Start or have blocked the bot):
remind-now-waiting = Sent {$sent}/{$total} reminders; {$pending} are waiting because Telegram asked the bot to pause until {$until}; {$unreachable} people/groups could not be reached. The bot will report again when it has finished.
remind-now-not-sent = {$count} reminders could not be sent (lasting errors, expired, or the round was closed): see /remind log.
remind-repeats = {$count} messages may have been sent twice (the bot stopped abruptly or lost Telegram's answer while sending).
remind-log-empty = No reminders have been sent yet.
remind-log-header = <b>Reminder log</b> (latest {$count} messages)
remind-log-sent = • {$at} ✅ {$kind} → {$to}
remind-log-unreachable = • {$at} 🚫 {$kind} → {$to}: could not be reached
remind-log-failed = • {$at} ❌ {$kind} → {$to}: {$error}
remind-log-superseded = • {$at} ⏭ {$kind} → {$to}: replaced by a newer reminder
remind-log-pending = • {$at} ⏳ {$kind} → {$to}
remind-kind-unit = unit reminder
remind-kind-group = group reminder
remind-kind-employee = staff reminder
remind-kind-digest = summary
remind-kind-notice = notice
# /export: the Office's data files (sheet names, column headers and the words in the cells)
ex-sheet-units = Unit status
ex-sheet-nominations = Nominations
ex-sheet-assessments = Self-assessments
ex-col-unit-code = Unit code
ex-col-unit-name = Unit name
ex-col-people-submitted = Self-assessments submitted
ex-col-people-total = Staff registered on the bot
ex-col-unit-assessment = Unit's own assessment
ex-col-form-collective = {$form} (collective)
ex-col-form-individual = {$form} (individual)
ex-col-documents-uploaded = Documents uploaded
ex-col-documents-required = Documents required
ex-col-dossier = Award dossier
ex-col-late = Overdue / late
ex-col-nomination-id = Nomination no.
ex-col-award-form = Award form
ex-col-nominee-kind = Collective/individual
ex-col-nominee-name = Nominee
ex-col-position = Position
ex-col-eligible = Meets all criteria (self-assessment)
ex-col-reason = Head's reason for nominating
ex-col-result = Criteria met when nominated
ex-col-status = Status
ex-col-last-change = Last changed
ex-col-current-reason = Reason for the current status
ex-col-decision-number = Award decision no.
ex-col-decision-date = Decision date
ex-col-decision-issuer = Issued by
ex-col-subject-name = Full name / unit name
ex-col-subject-kind = Collective/individual
ex-col-submitted-at = Submitted at
ex-col-evidence-files = Evidence files
ex-col-criterion-met = {$code}: met/not met
ex-col-criterion-evidence = {$code}: account and evidence
ex-col-criterion-rating = {$code}: rating
ex-col-area = Area: {$area}
ex-kind-collective = Collective
ex-kind-individual = Individual
ex-yes = Yes
ex-no = No
ex-met = Met
ex-not-met = Not met
ex-rating-pending = Awaiting the rating
ex-skipped = (none given)
ex-initiative = Decision no. {$number} of {$date} (recognised by {$council})
ex-initiative-named = Initiative: {$name}; {$decision}
ex-status-draft = Draft
ex-status-submitted = Awaiting receipt
ex-status-returned = Returned for correction
ex-status-rejected = Not put to the council
ex-status-withdrawn = Withdrawn by the unit
ex-dossier-not_started = Not started
ex-dossier-open = Being prepared
ex-dossier-submitted = Submitted
ex-dossier-returned = Returned
ex-progress-not_started = Not started
ex-progress-in_progress = In progress
ex-progress-submitted = Submitted

## Reminders: the award dossier
rm-and-more-documents = … and {$count ->
        [one] 1 more document
       *[other] {$count} more documents
    }
rm-unit-footer-head-buttons = Please tap a button below to {$open ->
        [all] complete the unit's self-assessment, open the award nomination dossier or view the individual self-assessments
        [dossier] open the award nomination dossier or view the individual self-assessments
       *[team] view the individual self-assessments
    }.
rm-unit-footer-group-head = The unit head completes the remaining items in a private chat with the bot.
ds-open-button = 📁 Award nomination dossier

## Nominations, dossiers and the Office's commands (/nominate, /dossier, /status, /pending, /nominations, /quota, /export)
cmd-nominate = Nominate the unit or its people for an award
cmd-dossier = Award dossier: upload documents, submit
cmd-nominations = Award nominations
cmd-status = Units' progress this round
cmd-pending = What units still have to do (Office)
cmd-quota = Number of awards (Office)
cmd-record = Record submissions and award decisions (Office)
cmd-export = Export data to Excel, CSV (Office)
cmd-docs = Document drafts: nomination lists (Office)
help-nominations = /nominations: award nominations that concern you · /nominations &lt;number&gt;: open one nomination
help-nominate = /nominate: nominate the unit or its people for an award, then send the dossier files the bot names; /nominate &lt;name&gt; finds a person
    /dossier: upload the nomination letter (Tờ trình) and the achievement reports, then submit (📄 Draft Tờ trình: the bot drafts it from the nominations) · /status: your unit's progress
help-office-awards =
    <b>Awards</b>
    /status: every unit's progress · /status &lt;code&gt;: one unit, with names
    /pending: only what is missing · /quota: number of awards
    /nominations: every nomination; tap a number to open and act on it · /nominations &lt;number&gt;: open one nomination (e.g. /nominations 12)
    /nominations &lt;form&gt;: only one award form: {$forms}
    /nominations &lt;name&gt;: find by nominee's or unit's name (diacritics optional)
    /dossier &lt;code&gt;: a unit's dossier, its files, return it
    /nominate: nominate people of the Directors' Board and the Office (the units set with /units office), then send their dossier with /dossier &lt;code&gt;
    /record: record the award decision, the Department's submission, the higher level's outcome for many nominations at once
    /export: Excel workbook (.xlsx) · /export csv: nominations (.csv)
    /docs: document drafts (.docx): the nomination lists, the latest Council meeting's papers, the decision awarding the Giấy khen, the Department's Tờ trình to the province
page-of = {$page}/{$pages}
input-cancelled = Cancelled; nothing was changed.
input-dropped = { $action ->
        [nominate] The nomination waiting for its reason was cancelled
        [record] Recording the submission or decision was cancelled
        [move-returned] Returning the nomination was cancelled
        [move-rejected] Not putting the nomination to the Council was cancelled
        [return-dossier] Returning the dossier was cancelled
        [upload] The upload was cancelled
        [nominee-report] Sending your Báo cáo thành tích was cancelled
        [award] Recording the award decision was cancelled
        [undo] The undo was cancelled
        [round-deadline] Setting the deadline and opening the round was cancelled
        [council-tie] Choosing in the Council's tie was cancelled
        [profile-details] The questions for the Báo cáo thành tích stopped (answers given before are kept); for the open question
       *[other] What you were doing was cancelled
    }; nothing was changed.
input-reason-text = Please type the reason as text (or send /cancel).
input-reason-short = The reason is too short. Please give a clear reason (at least 5 characters), or send /cancel.
input-reason-long = The reason is longer than {$max} characters. Please shorten it.
nm-no-round = There is no open award round at the moment.
nm-read-only-closed = The award round has been closed; nominations and the dossier can only be viewed.
nm-not-registered = You are not registered yet. Please tap your unit's invitation link first.
nm-only-head = Only the head of a unit can nominate and submit the unit's dossier. If you are a head of unit, please ask the Department's Office for a head-of-unit invitation link.
nm-read-only-submitted = The unit's dossier has been submitted and can only be viewed. If something needs changing, please ask the Office to return it.
nm-read-only-deadline = The deadline has passed; nominations and the dossier can only be viewed. If you need more time, please contact the Office.
nm-stale-button = This button is no longer valid. Please open it again with /nominate or /dossier.
nm-not-in-unit = This person is no longer in your unit.
nm-already = {$name} is already nominated for this form in this round.
nm-cannot-take-back = This nomination is with the Office and cannot be taken back.
nm-home-title = 🏅 <b>Award nominations {$year}</b> — {$unit}
nm-home-none = The unit has not nominated anyone yet.
nm-home-pick-form = Choose an award form:
nm-quota = Number of awards: {$collective} collectives, at most {$individual} individuals.
nm-quota-unset = Number of awards: {$source}.
nm-form-title = <b>{$form}</b> — {$unit}
nm-form-help = Tap a name to nominate; tap a name marked ☑️ again to take it back.
    ✅ meets every criterion of this form · ⚠️ does not · ⏳ self-assessment in progress · ▫️ no self-assessment
    Nominating anyone without ✅ needs a reason.
nm-form-others = Already nominated for other forms: {$list}.
nm-form-dossier-complete = ✅ The dossier has every file: tap «📁 Award nomination dossier» to check it and send it.
nm-overview-button = 📋 Nominations overview
nm-collective-label = {$name} (collective)
nm-result-submitted = {$mark} meets {$met}/{$total} criteria
nm-result-in_progress = ⏳ self-assessment in progress
nm-result-not_started = ▫️ no self-assessment yet
nm-back-button = ◀ Award forms
nm-more-button = ➕ Nominate more
nm-added-toast = {$name} nominated.
nm-taken-back-toast = {$name} removed from the nominations.
nm-ask-reason = <b>{$name}</b> has no self-assessment meeting every criterion ({$result}); form: <b>{$form}</b>.
    To nominate them anyway, please send the reason in one message (the Office will see it), or send /cancel.
nm-added-with-reason = <b>{$name}</b> nominated for {$form}.
    Reason: <i>{$reason}</i>
nm-search-found = {$count ->
    [one] 1 person matches
   *[other] {$count} people match
    } “{$query}”. Tap a line to nominate that person for the form on it; tap a line marked ☑️ to take it back.
nm-search-none = No one in your unit matches “{$query}”.
ds-title = 📁 <b>Award dossier {$year}</b> — {$unit}
ds-state-open = Status: being prepared, not submitted.
ds-state-submitted = Status: ✅ submitted at {$at}.
ds-state-submitted-late = Status: ✅ submitted at {$at} (late).
ds-state-returned = Status: ↩️ returned by the Office for correction. Reason: <i>{$reason}</i>
ds-nominations = <b>Nominations ({$count})</b>
ds-no-nominations = No nominations yet. Tap “➕ Nominate” (or send /nominate) to nominate the unit or its people.
ds-no-nominations-office = The unit nominates no one.
ds-documents = <b>Documents</b> (PDF, DOC or DOCX; at most {$size} MB each)
ds-unnamed-file = unnamed file
ds-read-only = The dossier has been submitted and can only be viewed. If something needs changing, please ask the Office to return it.
ds-missing = {$count ->
    [one] 1 document is
   *[other] {$count} documents are
    } missing. Tap a document's 📎 button, then send the file.
ds-ready = All documents are in. Tap “📤 Submit dossier” to send it to the Office; 🔁 replaces a file.
ds-ready-empty = If the unit nominates no one this year, please tap “📤 Submit dossier” to tell the Office.
ds-nominate-button = ➕ Nominate
ds-submit-button = 📤 Submit dossier
ds-return-button = ↩️ Return dossier
ds-ask-file = Please send the unit's <b>{$document}</b> as a file (PDF, DOC or DOCX, at most {$size} MB), or send /cancel.
ds-ask-file-of = Please send the <b>{$document}</b> for <b>{$nominee}</b> as a file (PDF, DOC or DOCX, at most {$size} MB).{$note}
    Send /cancel to stop.
ds-upload-expected = Please send the document as a file (PDF, DOC or DOCX), or send /cancel.
ds-upload-photo = The dossier does not take photos. Please send a PDF, DOC or DOCX file (📎, then File).
ds-upload-wrong_type = This file is not a PDF, DOC or DOCX. Please send it in one of those formats.
ds-upload-too_large = The file is larger than {$size} MB. Please compress or split it and send it again.
ds-uploaded = ✅ File received (version {$version}); earlier versions are kept.
ds-first-file = 📎 Just send the file <b>{$document}</b> here (PDF, DOC or DOCX, at most {$size} MB), or tap another document's button.
ds-which-document = 📎 Which document of the dossier is <b>{$name}</b>? Tap one to file it.
ds-offer-file = 📎 Send the file <b>{$document}</b> here to add it to the dossier (PDF, DOC or DOCX, at most {$size} MB).
ds-offer-not-file = Here the bot only takes files for the dossier (PDF, DOC or DOCX). Please tap a button on the screen; to find a person by name, send /nominate &lt;name&gt;.
ds-offer-not-taken = This file was not stored: the document the bot named has a file already, or the file's name says it is another document. Please open the dossier, tap 📎 of the right document and send the file again.
ds-next-file = 📎 Next, just send the file <b>{$document}</b> (PDF, DOC or DOCX, at most {$size} MB), or tap another document's button below.
ds-all-in = Every document is in. Tap “📤 Submit dossier” to send it to the Office now; once sent it can only be read, unless the Office returns it for correction.
ds-missing-first = {$count ->
    [one] 1 document is
   *[other] {$count} documents are
} still missing; please upload everything before submitting.
ds-confirm = Submit the award dossier with {$count ->
    [one] 1 nomination
   *[other] {$count} nominations
    } to the Office? Once submitted it can only be viewed, unless the Office returns it for correction.
ds-confirm-empty = Submit the dossier to tell the Office that <b>the unit nominates no one</b> this year?
ds-confirm-button = ✅ Submit dossier
ds-not-yet-button = ◀ Back
ds-submitted-toast = Dossier submitted.
ds-already-submitted = The dossier had already been submitted.
ds-not-submitted = This unit's dossier is not submitted (or has already been returned).
ds-file-not-yours = You do not have access to this file.
ds-office-usage = Usage: /dossier &lt;unit code&gt;. See the codes with /units.
ds-ask-return-reason = Return the dossier of <b>{$unit}</b>. Please give the reason (the head of unit will receive it), or send /cancel.
ds-notice-returned = ↩️ The Office returned your unit's {$year} award dossier for correction.
    Reason: <i>{$reason}</i>
    Please correct it and submit it again with /dossier.
nm-head-told = The bot will tell the unit head (and the nominee, if on the bot).
nm-head-not-told = ⚠️ The unit head cannot be reached by the bot (never pressed Start, blocked the bot, or the unit has no head on the bot); please tell them directly.
nm-status-draft = not yet submitted
nm-status-submitted = awaiting receipt by the Office
nm-status-returned = returned for correction
nm-status-rejected = not put to the council
nm-status-withdrawn = withdrawn by the unit
nm-move-returned = ↩️ Return
nm-move-rejected = ✖️ Do not recommend
nm-ask-reason-returned = Return the nomination of <b>{$nominee}</b> to the unit for correction. Please give the reason (the head of unit will receive it), or send /cancel.
nm-ask-reason-rejected = Do not put the nomination of <b>{$nominee}</b> to the council. Please give the reason (the head of unit will receive it), or send /cancel.
nm-notice-returned = ↩️ The Office returned the nomination of <b>{$nominee}</b> ({$form}) for correction.
    Reason: <i>{$reason}</i>
    Please correct it (replace files with the 🔁 buttons in /dossier) and submit the dossier again.
nm-notice-rejected = ✖️ The Office will not put the nomination of <b>{$nominee}</b> ({$form}) to the Emulation and Commendation Council.
    Reason: <i>{$reason}</i>
nm-moved-toast = Status updated: {$status}.
nm-move-not-allowed = This nomination has moved on in the meantime; please open it again.
nm-over-quota-collective = Cannot recommend: {$form} has reached its number of awards ({$quota} collectives).
nm-over-quota-individual = Cannot recommend: {$form} has reached its number of awards ({$quota} individuals).
nm-not-visible = You cannot see this nomination.
nm-card-title = 🏅 <b>Nomination #{$id}</b>: {$nominee}
nm-card-unit = Unit: <code>{$code}</code> {$unit}
nm-card-form = Form: {$form}
nm-card-result = Self-assessment result when nominated: {$result}
nm-card-reason = Why nominated without meeting every criterion: <i>{$reason}</i>
nm-card-status = Status: <b>{$status}</b>
nm-card-history = <b>History</b>
nm-history-why = reason: <i>{$reason}</i>
nm-by-employee = staff member
nm-by-unit_head = head of unit
nm-by-office = the Office
nm-report-button = 📄 Achievement report
nm-unit-dossier-button = 📁 Award nomination dossier
nl-guest = You are not registered yet, so you cannot see award nominations.
nl-header = 🏅 <b>Award nominations {$year}</b>{$filter}: {$count}
nl-header-unit = 🏅 <b>Your unit's award nominations {$year}</b>{$filter}: {$count}
nl-header-own = 🏅 <b>Your award nominations {$year}</b>{$filter}: {$count}
nl-none = No nominations yet.
nl-footer = ⚠️: does not meet every criterion; the unit gave a reason. Tap a numbered button to open one.
nl-header-step = 🏅 <b>Nominations {$year}</b> at <b>{$status}</b>{$filter}: {$count}
nl-step-none = No nomination is left at this step.
nl-step-footer = Tap a name to tick it ☑️ (or “Select all”), then tap a move below; tap › to open one nomination.
nl-step-button = ☑️ Move several: {$status} ({$count})
nl-tick-all = ☑️ Select all
nl-tick-none = ☐ Clear
nl-all-steps = ◀ Every step
nl-back-button = ◀ List
nl-next-button = ▶ Next
nl-next-none = No other nomination is at “{$status}”.
nb-none-ticked = Nothing is ticked: tap a name to tick it ☑️, or tap “Select all”.
nb-gone = #{$id}: the nomination is gone.
nb-moved-meanwhile = {$who}: already moved to “{$status}” by someone else; left there.
nb-summary = ✅ Moved {$moved}/{$total} nominations to “{$status}”:
nb-refused = ⛔ Not moved ({$count}):
nb-skipped = ⏭ Skipped ({$count}):
nb-open-next = ▶ Open the list “{$status}”
st-private-only = Please use this command in a private chat with the bot, so nothing is shown to a group.
st-employee = /status is for heads of unit and the Office. You can see your self-assessment with /myresult and your nominations with /nominations.
st-guest = You are not registered yet. Please tap your unit's invitation link first.
st-own-unit-only = You can only see your own unit's progress (send /status).
st-unknown-unit = There is no unit with code <code>{$code}</code>. See the codes with /units.
st-unit-archived = Unit <code>{$code}</code> is archived.
st-header =
    📊 <b>Award nomination dossiers {$year}</b>
    Award dossiers sent: <b>{$dossiers}/{$total}</b> units
    Own self-assessments submitted: <b>{$people}/{$peopleTotal}</b>
    Units with nothing left to do: <b>{$complete}/{$total}</b>
st-unit-header = 📊 <b>Award nomination dossiers {$year}</b>
st-footer = One unit in detail: /status &lt;code&gt; · only what is missing: /pending
st-no-units = There are no units yet.
st-line-assessments = Staff self-assessments: {$submitted}/{$total} submitted · Unit self-assessment: {$own}
st-line-nominations = Nominations: {$nominations}
st-line-dossier = Documents: {$uploaded}/{$required} · Dossier: {$dossier}
st-form-count = {$form}: {$collective ->
    [one] 1 collective
   *[other] {$collective} collectives
    }, {$individual ->
    [one] 1 individual
   *[other] {$individual} individuals
    }
st-no-nominations = none yet
st-own-not_started = not started
st-own-in_progress = in progress
st-own-submitted = submitted
st-dossier-not_started = not submitted
st-dossier-open = being prepared
st-dossier-submitted = submitted
st-dossier-returned = returned
st-late-submitted = late
st-overdue = overdue
st-unit-assessment-open = The unit's own assessment: {$command}
st-people-title = <b>Staff self-assessments</b>: {$submitted}/{$total} submitted
st-people-submitted = Submitted ({$count})
st-people-in_progress = In progress ({$count})
st-people-not_started = Not started ({$count})
st-nominations-title = <b>Nominations</b> ({$count})
st-missing-title = <b>Still to do</b>
st-kind-collective = Collectives
st-kind-individual = Individuals
pd-header = 📋 <b>Still to do, {$year}</b>: {$count}/{$total} units not done
pd-nothing = Every unit is done: all self-assessments in and the dossier submitted.
pd-people = {$missing}/{$total} staff have not submitted their self-assessment: {$names}
pd-unit-assessment = the unit's self-assessment not submitted ({$progress})
pd-nominations = no nominations yet
pd-document = missing {$document}
pd-document-of = missing {$document} – {$nominee}
pd-dossier = dossier not submitted
pd-dossier-returned = dossier returned for correction: {$reason}
qt-header = 🎯 <b>Number of awards {$year}</b>
qt-line = {$kind}: {$used}/{$quota} counted from “{$from}” · {$waiting} under way, not there yet
qt-line-no-quota = {$kind}: {$used} counted from “{$from}” · {$waiting} under way, not there yet
qt-footer = Each form counts its awards from the step named on its line (its route's) onwards. ⛔ = over the number of awards.
ex-usage = Usage: /export (Excel workbook, .xlsx) or /export csv (nominations, .csv).
ex-caption-xlsx = Award nomination dossiers {$year}: units' progress, award nominations, self-assessments.
ex-caption-csv = Award nominations {$year}.
ds-notice-submitted = 📥 <b>{$unit}</b> (<code>{$code}</code>) submitted its {$year} award dossier ({$count ->
    [0] no nominations
    [one] 1 nomination
   *[other] {$count} nominations
    }). See: /dossier {$code}
ds-notice-submitted-late = 📥 <b>{$unit}</b> (<code>{$code}</code>) submitted its {$year} award dossier late ({$count ->
    [0] no nominations
    [one] 1 nomination
   *[other] {$count} nominations
    }). See: /dossier {$code}
nm-history-proposed = nominated
ds-ready-returned = Please correct it as the reason above says (🔁 replaces a file), then tap “📤 Submit dossier” to send it again.
nm-card-next-returned = Please correct it as the reason above says, then submit the dossier again with /dossier.
ds-deadline-day = Deadline: before {$date}.
ds-deadline-time = Deadline: before {$time} on {$date}.
nm-unit-archived = Your unit has been archived, so it can no longer nominate or submit a dossier. If this is a mistake, please contact the Office.
nm-corrections-only = The deadline has passed: you can only make the corrections the Office asked for (replace files, withdraw a returned nomination) and submit again; no one new can be nominated.
nm-left-unit = moved to another unit
nm-closed-nomination = This nomination is closed (not put to the council, not passed by it, not awarded above, or withdrawn by the unit); it cannot be taken back or nominated again this round.
nm-search-more = Only the first {$shown} people are shown; please type more of the name.
ds-already-returned = This dossier had already been returned; the reason you typed was not sent.
ds-and-more = … and {$count} more

## Award records are the Department's: file versions, decisions, notices, erasure
nm-result-consider = may be considered
nm-result-awaiting-rating = ⏳ awaiting the rating
nm-decision = Decision no. {$number} of {$date} by {$issuer}
nm-card-decision = Award decision: {$decision}
nm-card-nominee-left = <i>The nominee erased their personal data from the bot; the nomination is kept as the Department's record.</i>
nm-history-undo = undone:
nm-locked-awarded = This nomination has been awarded; it is the Department's record, so the unit cannot withdraw it.
ds-locked-awarded = {$nominee}'s file cannot be replaced: the nomination has been awarded and its dossier is the Department's record.
ds-locked-rejected = {$nominee}'s file cannot be replaced: the Office decided not to put this nomination to the Council.
ds-locked-with-office = {$nominee}'s file cannot be replaced: the Office holds this nomination for appraisal; only returned nominations can be corrected.
ds-locked-legend = 🔒 Being appraised or decided by the Office: the file stays as sent.
ds-versions-title = <b>Versions uploaded ({$count})</b>, newest first:
ds-version-current = • <b>Version {$version}</b> (current): <i>{$name}</i> — {$by}, {$at}
ds-version = • Version {$version}: <i>{$name}</i> — {$by}, {$at}
ds-back-button = ◀ Dossier
ds-reuse-offer = This person is also nominated for another form and has no achievement report for it yet. Use the file just sent?
ds-reuse-button = 📎 Use this file for {$form}
ds-reused-toast = File used for the other form.
ds-reuse-done = The other form already has a file, or can no longer be changed.
ds-mine-notice = 📎 You are proposed for the <b>{$form}</b>. You may send your own <b>Báo cáo thành tích</b> (achievement report) to your unit's dossier: press “📎 Send my Báo cáo thành tích”, then send the file (PDF, DOC or DOCX, at most {$size} MB). Your unit head is told and may keep it or replace it. “📄 Draft” sends you the bot's draft.
ds-mine-button = 📎 Send my Báo cáo thành tích
ds-mine-ask = Please send your <b>Báo cáo thành tích</b> (proposal for the <b>{$form}</b>): PDF, DOC or DOCX, at most {$size} MB, or send /cancel.{$current}
ds-mine-current = The dossier holds version {$version}: <i>{$name}</i>; your file becomes a new version, the old one is kept.
ds-mine-uploaded = ✅ Your Báo cáo thành tích is in the unit's dossier (version {$version}); { $to ->
        [office] the Office
       *[head] your unit head
    } has been told. You may send another file until the unit sends its dossier.
ds-mine-again-button = 🔁 Send another file
ds-mine-not-yours = This button is for the person proposed; you cannot send someone else's Báo cáo thành tích.
ds-mine-gone = This proposal no longer exists (the unit took it back), so no Báo cáo thành tích is needed for it.
ds-mine-submitted = Your unit has sent its dossier to the Office, so the Báo cáo thành tích can no longer be changed. If it needs correcting, please tell your unit head.
ds-mine-closed = The round of this proposal is closed; the Báo cáo thành tích can no longer be changed.
ds-mine-deadline = The dossier's deadline has passed, so the Báo cáo thành tích can no longer be changed. If needed, please tell your unit head.
ds-mine-arrived = 📥 <b>{$name}</b> sent their Báo cáo thành tích ({$form}): <i>{$file}</i>, version {$version}. It is in the dossier; press “✅ Keep this one”, or “🔁 Replace” to send the unit's own file.
ds-keep-button = ✅ Keep this one
ds-replace-button = 🔁 Replace
ds-kept-toast = This Báo cáo thành tích stays in the dossier.
ds-kept-superseded = This Báo cáo thành tích has been replaced by a newer version; the dossier uses the newest.
ds-by-nominee = sent by the nominee
ds-file-caption = 📎 {$document}{$nominee} · {$unit} · version {$version}, uploaded {$at}
ds-notice-resubmitted = 📥 <b>{$unit}</b> (<code>{$code}</code>) <b>resubmitted</b> its {$year} award dossier (sending {$number}), with {$count} nominations. See: /dossier {$code}
ds-notice-resubmitted-late = 📥 <b>{$unit}</b> (<code>{$code}</code>) <b>resubmitted</b> its {$year} award dossier (sending {$number}; first sent late), with {$count} nominations. See: /dossier {$code}
ds-changes-title = Changes since the last sending:
ds-changes-none = Nothing changed since the last sending.
ds-change-added = ➕ New nomination: {$nominee}
ds-change-withdrawn = ➖ Withdrawn by the unit: {$nominee}
ds-change-corrected = ✏️ Corrected as asked: {$nominee}
ds-change-replaced = 🔁 {$document}: «{$old}» replaced by «{$new}»
ds-change-replaced-of = 🔁 {$document} of {$nominee}: «{$old}» replaced by «{$new}»
ds-change-more = … and {$count} more changes (see /dossier)
nt-submitted = 📤 The award nomination of <b>{$nominee}</b> ({$form}) was sent to the Office by the unit.
nt-returned = ↩️ The Office returned the award nomination of <b>{$nominee}</b> ({$form}) for correction.
    Reason: <i>{$reason}</i>
    The unit head corrects it (replace files with 🔁 in /dossier) and sends the dossier again.
nt-awarded = 🏅 <b>{$nominee}</b> has been awarded: {$form}.
    {$decision}.
nt-rejected = ✖️ The Office did not put the award nomination of <b>{$nominee}</b> ({$form}) to the Emulation and Commendation Council.
    Reason: <i>{$reason}</i>
nt-undone = ↩️ The Office corrected the award nomination of <b>{$nominee}</b> ({$form}): back to “{$status}”.
    Reason: <i>{$reason}</i>
nm-award-needs-decision = Recording an award needs the decision's number, date and issuer: please press the button to record the award decision on the nomination.
nm-award-incomplete = The decision is not complete (number, date, issuer). Please press “🏅 Record award” again.
nm-round-closed = This nomination's round is closed; it can no longer change.
nm-already-awarded = {$by} already recorded this award at {$at} ({$decision}); no other decision is recorded.
nm-undo-stale = The nomination has moved on since; please open it again.
nm-undo-not-allowed = This step cannot be undone.
nm-undo-button = ↩️ Undo “{$status}”
nm-ask-reason-undo = Undo the step “{$status}” of the nomination of <b>{$nominee}</b>. Please give the reason (kept in the history and sent to the unit head), or send /cancel.
nm-undone = ↩️ Undone; the undo is kept in the history.
aw-ask-number = 🏅 Record the award of <b>{$nominee}</b> ({$form}).
    Please send the <b>decision's number and symbol</b>, e.g. 125/QĐ-STP (or /cancel).
aw-ask-number-again = Please type the decision's number and symbol, e.g. 125/QĐ-STP.
aw-bad-number = That is not a decision number. Please send it as <b>number/QĐ-issuer symbol</b>, e.g. 125/QĐ-STP or 1234/QĐ-TTg.
aw-ask-date = Please send the <b>date the decision was signed</b> (day/month/year), e.g. 15/01/2027.
aw-ask-date-again = Please type the date the decision was signed, e.g. 15/01/2027.
aw-bad-date-format = That is not a date. Please send day/month/year, e.g. 15/01/2027.
aw-bad-date-not_a_date = There is no such day in the calendar. Please check the date.
aw-bad-date-future = A decision cannot be signed after today. Please check the date.
aw-bad-date-before_round = An award for the {$year} round cannot be decided before {$year}. Please check the date.
aw-ask-issuer = Please send <b>who issued the decision</b> (press the button below if it is right).
aw-ask-issuer-again = Please type who issued the decision.
aw-bad-issuer = The issuer must be 3 to {$max} characters. Please send it again.
aw-issuer-noted = Issuer noted.
aw-confirm = Please check before recording:
    🏅 <b>{$nominee}</b> — {$form}
    {$decision}
    Once recorded, the unit head and the awarded person are told.
aw-confirm-button = ✅ Record the award
aw-drop-button = ✖️ Cancel, record nothing
aw-dropped = Cancelled; nothing recorded.
aw-recorded-toast = Award recorded.

## /record: the Office records the route beyond the Council (rr-)
rr-home = 🗂 <b>Record submissions and award decisions · awards {$year}</b>
rr-home-line = • {$action}: {$count} { $count ->
        [one] nomination
       *[other] nominations
    } at “{$from}”
rr-home-help = Press a task to see its list (all ticked; press a name to untick it), then type the document's number and date.
rr-nothing = Nothing in awards {$year} is waiting for a submission or a decision to be recorded (the council must pass nominations first).
rr-nothing-here = No nomination stands at this step any more; there is nothing to record.
rr-decline-action = ✖️ Record a refusal by the awarding authority
rr-checklist-title = <b>{$form}</b> · {$action}
    Nominations at “{$from}”.
rr-checklist-help = {$ticked}/{$total} nominations ticked. Press a name to untick or tick it again, then press “Continue”.
rr-go-button = ➡️ Continue ({$count})
rr-drop-button = ✖️ Cancel, record nothing
rr-dropped = Cancelled; nothing was recorded.
rr-no-draft = This list is no longer valid. Please send /record to start again.
rr-none-ticked = No nomination is ticked. Please tick at least one.
rr-incomplete = Something is missing (the document's number, date or the reason). Please send /record to start again.
rr-ask-number-propose = Please send the <b>submission's number</b> ({$count} { $count ->
        [one] nomination
       *[other] nominations
    }), e.g. 15/TTr-STP.
rr-ask-number-decide = Please send the <b>award decision's number</b> ({$count} { $count ->
        [one] nomination
       *[other] nominations
    }), e.g. 125/QĐ-STP.
rr-ask-reason = Please send the <b>reason</b> the awarding authority gave for not awarding ({$count} { $count ->
        [one] nomination
       *[other] nominations
    }).
rr-ask-number-again = Please send the document's number as text (or /cancel to stop).
rr-ask-date-again = Please send the signing date as text, e.g. 15/01/2027 (or /cancel to stop).
rr-ask-reason-again = Please send the reason as text (or /cancel to stop).
rr-bad-number-propose = That is not a submission number. Please send it as <b>number/TTr-issuer</b>, e.g. 15/TTr-STP or 45/TTr-UBND. Nothing changed.
rr-bad-number-decide = That is not a decision number. Please send it as <b>number/QĐ-issuer</b>, e.g. 125/QĐ-STP or 1234/QĐ-TTg. Nothing changed.
rr-ask-date-propose = Please send the <b>date the submission was signed</b> (day/month/year), e.g. 10/01/2027.
rr-ask-date-decide = Please send the <b>date the decision was signed</b> (day/month/year), e.g. 15/01/2027.
rr-bad-date-format = That is not a date. Please send it as day/month/year, e.g. 15/01/2027. Nothing changed.
rr-bad-date-not_a_date = There is no such day in the calendar. Please check it. Nothing changed.
rr-bad-date-future = The signing date cannot be after today. Please check it. Nothing changed.
rr-bad-date-before_round = A document of awards {$year} cannot be signed before {$year}. Please check it. Nothing changed.
rr-bad-reason = The reason must be {$min} to {$max} characters long. Please send it again.
rr-confirm-propose = Submission no. <b>{$number}</b> of {$date}, sent to {$party}.
rr-confirm-decide = Decision no. <b>{$number}</b> of {$date} by {$party}.
rr-confirm-reason = Reason for not awarding: {$reason}
rr-confirm-list = Please check before recording it for {$count} { $count ->
        [one] nomination
       *[other] nominations
    }:
rr-confirm-button = ✅ Record
rr-stale = Not recorded: the nomination of {$names} moved to another step after the list was shown. Nothing changed; please send /record to see the list as it is now.
rr-done = ✅ Document no. <b>{$number}</b> of {$date} recorded for {$count} { $count ->
        [one] nomination
       *[other] nominations
    }, now at “{$status}”:
rr-done-declined = ✅ The refusal was recorded for {$count} { $count ->
        [one] nomination
       *[other] nominations
    }:
rr-done-toast = Recorded.
rr-route-step = {$at}/{$of} {$status}
rr-record-line = {$number} of {$date}
rr-status-routes = <b>Nominations on the award routes</b>
rr-ex-col-route-step = Step on the route
rr-ex-col-record-number = Latest submission or decision no.
rr-ex-col-record-date = Date of the submission or decision
rr-heads-not-told = ⚠️ The bot cannot reach the unit head of: {$names} (never pressed Start, blocked the bot, or the unit has no head on the bot); please tell them directly.
rr-checklist-more = The list holds only the first {$shown} of {$standing} nominations; after recording them, please send /record again for the rest.
rr-card-proposal = Submission: no. <b>{$number}</b> of {$date}, sent to {$party}
rr-card-step = Step on the route: {$at}/{$of}

me-delete-goes = <b>Deleted:</b> the link to your Telegram account, your name and position as a member, your language, unfinished answers, and any self-assessment no award nomination rests on.
me-delete-goes-drafts = Also {$count ->
    [one] one award nomination
   *[other] {$count} award nominations
    } not yet sent to the Office.
me-delete-stays = <b>Kept</b> as the Department's records (under your name as it was, no longer linked to your Telegram account), with their files, history, decisions and the self-assessment they rest on:
me-kept-nomination = • {$form}, {$year} ({$status})
me-delete-stays-acts = <b>Kept</b>: your name on the steps you took on award records (nominating, uploading, sending, moving), no longer linked to your Telegram account.
me-delete-stays-why = The law on personal data allows keeping data a legal duty requires; award records are kept under the Law on Emulation and Commendation.
me-delete-told = Your unit head and the Office will be told you left the bot.
me-deleted-kept = Your personal data has been deleted. {$count ->
    [one] One award nomination sent to the Office is
   *[other] {$count} award nominations sent to the Office are
    } kept as the Department's records.
me-left-notice = 👋 <b>{$name}</b> erased their personal data from the bot and is no longer a member of the unit on the bot.
me-left-notice-kept = 👋 <b>{$name}</b> erased their personal data from the bot. These award nominations are kept as the Department's records:
as-unavailable-decided = This self-assessment backs an award nomination (status: {$status}), so it can no longer be changed (see it with /myresult).
as-status-locked-decided = Cannot be changed: it backs an award nomination (status: {$status}).
nt-undelivered = ⚠️ The bot could not deliver a notice to <b>{$name}</b> (never pressed Start, or blocked the bot); please tell them directly:
    {$notice}
ds-locked-withdrawn = {$nominee}'s file cannot be replaced: the unit withdrew this nomination.
nm-award-stale = The award cannot be recorded: the nomination now stands at “{$status}” ({$by}, {$at}). Please open it again.

# Routes (issue 12): the statuses every route has beyond the unit's, and the words for any route step.
nm-status-not_passed = not passed by the Emulation and Commendation Council
nm-status-declined = not awarded by the competent authority
nm-move-declined = ✖️ Not awarded above
nm-ask-reason-declined = Record that the competent authority did not award <b>{$nominee}</b>. Please give the reason or the number of its reply (the head of unit will receive it), or send /cancel to cancel.
nm-by-council = the Emulation and Commendation Council
ex-status-not_passed = Not passed by the Emulation and Commendation Council
ex-status-declined = Not awarded by the competent authority
nt-step = 📌 The award nomination of <b>{$nominee}</b> ({$form}): {$status}.
nt-not_passed = ✖️ The Emulation and Commendation Council did not pass the award nomination of <b>{$nominee}</b> ({$form}).
    Reason: <i>{$reason}</i>
nt-declined = ✖️ The competent authority did not award <b>{$nominee}</b> ({$form}).
    Reason: <i>{$reason}</i>
nm-locked-forwarded = The Office has put this nomination forward (to the Council or above), so the unit cannot withdraw it.
ds-locked-forwarded = {$nominee}'s file cannot be replaced: the nomination has been put forward (to the Council or above) as it was sent.
ds-locked-not_passed = {$nominee}'s file cannot be replaced: the Emulation and Commendation Council did not pass this nomination.
ds-locked-declined = {$nominee}'s file cannot be replaced: the competent authority did not award this nomination.

## The Office proposes awards for the Directors' Board and the Office itself
units-office-mark = {" "}· proposed by the Office
units-office-note = { $count ->
        [0] The Office proposes awards for no unit; each unit's head proposes. The Directors' Board and the Office have no head above them: send /units office &lt;code&gt; so that the Office proposes for them.
       *[other] The Office proposes awards for: {$codes}. The other units' heads propose for their units.
    }
units-office-on = From now on <b>the Office</b> proposes awards for <code>{$code}</code> {$name} (the unit as a collective and each person), under the same rules as a head: choose nominees with /nominate {$code}, upload the Tờ trình and Báo cáo thành tích and send the dossier with /dossier {$code} before the deadline. The unit's people join through /invite {$code} and self-assess like everyone.
units-office-off = The Office no longer proposes awards for <code>{$code}</code> {$name}; its head does. Nominations already made are kept.
nm-office-pick-unit = The Office proposes awards only for the units with no head above them (Directors' Board, the Office itself). Send /nominate to choose the unit.
nm-office-not-proposer = Unit <code>{$code}</code> is proposed by its head; the Office does not propose in its place. The Office proposes only for the units set with /units office &lt;code&gt; (Directors' Board, the Office itself).
nm-office-unit-archived = Unit <code>{$code}</code> has been archived, so it can no longer nominate or send a dossier.
nm-head-other-unit = You can nominate and send a dossier only for your own unit.
nm-office-acts = <i>The Office proposes awards for this unit (it has no head above it).</i>
nm-office-units-button = ◀ Units
nm-office-no-units = The Office proposes awards for no unit yet; each unit's head proposes. So that the Office proposes for the Directors' Board and the Office itself (no head above them), send /units office &lt;code&gt;, for example /units office BGD.
nm-office-units =
    🏅 <b>The Office proposes awards</b> for the units with no head above them:
    {$units}

    The rules are a head's: each person's criteria are shown, a reason is needed where not every criterion is met, the dossier needs the Tờ trình and each Báo cáo thành tích, before the deadline. The other units' heads propose for their units.
    Choose a unit:
nm-office-proposes-told = This unit is proposed by the Office: the bot tells the nominee (if on the bot).
ds-office-acts = <i>The Office makes and sends this dossier (the unit has no head above it).</i>
ds-read-only-office = The dossier has been sent and can only be viewed. To change it, press “↩️ Return dossier” with a reason, then correct it and send it again.
ds-office-own-units = The Office makes and sends the dossier for: {$units}. Tap to open:

## A meeting of the Emulation and Commendation Council in chat
cm-no-round = No award round is open, so the Emulation and Commendation Council cannot meet.
cm-unknown-form = There is no award form “{$word}”. Type a form's code (e.g. <code>gk</code>), or nothing to meet on all of them.
cm-form-no-council = The form “{$word}” does not go through the Department's Emulation and Commendation Council.
cm-already-open = A meeting of the Emulation and Commendation Council is still under way. Close it (/council close) before opening another.
cm-no-members = The Emulation and Commendation Council has no members yet. Add members first (/council add), then open the meeting.
cm-empty-agenda = No nomination has been recommended to the Emulation and Commendation Council, so there is nothing to meet on. Nothing changed.
cm-quota-full = The quotas of the forms on the agenda are used up, so the Council cannot pass any more nominations. Nothing changed.
cm-stale-button = This button is out of date. Please open the ballot again.
cm-not-member = Only members of the Emulation and Commendation Council in this meeting may vote.
cm-meeting-closed = Voting in this meeting has ended: votes can no longer be cast or changed. Nothing changed.
cm-ballot-already-sent = Your ballot has already been sent.
cm-ballot-incomplete = You have {$count} nominations left to vote on. Please vote on all of them, then press “Confirm ballot”.
cm-chair-only = Only the chair of the Emulation and Commendation Council can do this.
cm-no-meeting = No meeting of the Emulation and Commendation Council is under way.
cm-close-not-allowed = Only the Council's chair or the Office can close the meeting.
cm-tie-stale = This choice is no longer valid (already made, or the meeting changed). Nothing changed.
cm-minutes-not-allowed = Only the Office, the Council's chair and its secretary may read the minutes.
cm-no-minutes = There are no minutes of this meeting (it is not closed yet, or does not exist).
cm-minutes-usage = Usage: <code>/council minutes</code> or <code>/council minutes 3</code> (the meeting's number).
cm-agenda-title = <b>Meeting no. {$id} of the Emulation and Commendation Council — {$year}</b>
    Agenda: {$count} nominations.
cm-agenda-item = <b>{$n}. {$nominee}</b> — {$unit} — {$form}
cm-agenda-result = Criteria: {$result}
cm-agenda-reason = The unit's reason: {$reason}
cm-agenda-note = The Office's note: {$note}
cm-vote-button = 🗳 Vote
cm-opened = The meeting is open and the agenda was sent to {$members} Council members ({$reached} reachable on the bot).
cm-left-out = { $count } nominations were left off the agenda because their form's quota is used up.
cm-ballot-title = <b>🗳 Ballot — meeting no. {$id}</b>
cm-agree = agree
cm-disagree = disagree
cm-ballot-sent = ✅ Ballot sent. You can change it until the meeting closes (after a change, press “Confirm ballot” again).
cm-ballot-missing = {$count} nominations not voted on yet.
cm-ballot-ready = All voted. Press “Confirm ballot” to send it; a ballot not confirmed is not counted.
cm-confirm-button = ✅ Confirm ballot
cm-vote-same = This vote did not change.
cm-vote-reopened = You changed a ballot you had sent. Press “Confirm ballot” to send it again; a ballot not confirmed is not counted.
cm-ballot-thanks = Ballot sent.
cm-count-title = <b>Running count — meeting no. {$id}</b> (for the chair only)
cm-count-ballots = Ballots sent: {$sent}/{$members} members. A nomination needs at least {$needed} agree votes to pass.
cm-count-line = {$n}. {$nominee}: 👍 {$agree} · 👎 {$disagree}
cm-refresh-button = 🔄 Refresh
cm-close-button = 🔚 Close the meeting
cm-tie-found = There are {$count} ties at the quota's limit. The chair chooses which pass:
cm-tie-title = <b>Tie at the quota's limit</b> — {$form}, { $kind ->
        [collective] collectives
       *[individual] individuals
    }: {$count} nominations with {$agree} agree votes each, {$slots} places left. Choose { $slots }:
cm-tie-picked = Chosen {$count}/{$slots}.
cm-tie-ask-reason = You chose: <b>{$names}</b>. Please type the reason for the choice (it goes into the minutes), or send /cancel.
cm-tie-to-chair = There is a tie at the quota's limit. The bot sent it to the Council's chair ({$chair}) to choose; the meeting closes once the chair has chosen.
cm-tie-no-chair = There is a tie at the quota's limit, but the Council has no chair. The Office names a chair (/council chair) to choose.
cm-outcome-passed = ✅ passed
cm-outcome-chosen = ✅ passed (chosen by the Council's chair in a tie)
cm-outcome-not-passed = ❌ not passed
cm-outcome-over-quota = ❌ not passed (enough votes, but outside the quota)
cm-result-title = <b>Result of meeting no. {$id} of the Emulation and Commendation Council — {$year}</b>
cm-result-attendance = Members who sent a ballot: {$present}/{$members}. A nomination passes with {$needed} or more agree votes (of {$base}).
cm-result-group = <b>{$form}</b> — { $kind ->
        [collective] collectives
       *[individual] individuals
    } (quota left: { $slots ->
        [none] not set
       *[other] {$slots}
    })
cm-rank = {" "}· rank {$rank}
cm-result-line = • {$nominee} ({$unit}): 👍 {$agree} · 👎 {$disagree}{$blank}{$rank} — {$outcome}
cm-blank = {" "}· {$blank} no vote
cm-result-tie-break = The Council's chair ({$by}) chose in a tie ({$form}): {$chosen}. Reason: {$reason}
cm-result-all-voted = Every member sent a ballot.
cm-result-absent = Members who sent no ballot: {$names}.
cm-result-left-agenda = Not voted on (taken off the agenda): {$nominee}.
cm-minutes-title = <b>Minutes of meeting no. {$id} of the Emulation and Commendation Council — {$year}</b>
cm-minutes-times = Opened: {$opened} ({$openedBy}). Closed: {$closed} ({$closedBy}).
cm-minutes-present = Members present (sent a ballot): {$names}.
cm-minutes-votes-title = <b>Each member's votes</b>
cm-minutes-votes = • {$nominee} — agree: {$agree}; disagree: {$disagree}
cm-notice-title = <b>The Emulation and Commendation Council has considered the {$year} award nominations:</b>
cm-notice-line = • {$nominee} — {$form}: {$outcome}
cm-help-office =
    /council meet [form code…]: open a meeting on the nominations recommended to the Council; members get the agenda and a ballot
    /council close: close the meeting (the Council's chair or the Office) · /council minutes [number]: the minutes
    The Council's chair: /council count shows the running count.
## Emulation and Commendation Council: members (/council)
cmd-council = Emulation and Commendation Council: members, agenda
cn-role-chair = Chair of the Council
cn-role-secretary = Secretary of the Council
cn-role-member = Council member
cn-usage =
    <b>The Department's Emulation and Commendation Council</b>
    /council: the Council
    /council add &lt;person&gt;: add a member
    /council chair &lt;person&gt;: name the Chair
    /council secretary &lt;person&gt;: name the Secretary
    /council remove &lt;person&gt;: remove from the Council
    /council agenda: the nominations before the Council
    &lt;person&gt; is the full name (or part of it) or the Telegram id of someone registered with the bot. Someone not registered yet: send /invite &lt;unit code&gt; council to invite them to the unit and the Council.
cn-usage-member =
    /council: the Council
    /council agenda: the nominations before the Council (read-only)
cn-members-only = This command is for members of the Emulation and Commendation Council and the Department's Office.
cn-private-only = Please use this command in your private chat with the bot.
cn-list-header = 🏛 <b>The Department's Emulation and Commendation Council</b>: {$count} members
cn-list-empty = No members yet. The Office adds members with /council add &lt;person&gt; or /invite &lt;unit code&gt; council.
cn-list-no-chair = • Chair of the Council: <i>not named</i>
cn-list-no-secretary = • Secretary of the Council: <i>not named</i>
cn-list-line = • {$role}: <b>{$name}</b>, {$unit}
cn-list-footer-office = Send /council add, chair, secretary or remove with a name to change it; /council meet to hold a meeting.
cn-agenda-button = 📋 Nominations before the Council
cn-agenda-header = 📋 <b>Nominations before the Council {$year}</b>: {$count}
cn-agenda-empty = No nominations are before the Council yet.
cn-agenda-footer = Tap a numbered button to read the nomination, its dossier and the self-assessment (read-only).
cn-nl-header = 🏅 <b>Award nominations {$year}</b> (yours, your unit's and those before the Council){$filter}: {$count}
cn-card-read-only = <i>Council members read this nomination only: its dossier and self-assessment are under the buttons below.</i>
cn-help-member =
    <b>Emulation and Commendation Council</b> (you are {$role})
    /council: the Council · /council agenda: the nominations before the Council, their dossiers and the nominees' self-assessments (read-only)
    When the Office opens a meeting, the bot sends the agenda with a 🗳 Vote button. The chair: /council count (running count), /council close (close the meeting) · the chair and the secretary: /council minutes
cn-help-office =
    <b>Emulation and Commendation Council</b>
    /council: the Council · /council add | chair | secretary | remove &lt;person&gt;: add a member, name the Chair, the Secretary, remove from the Council
    /invite &lt;unit code&gt; council: a link into the unit and the Council
cn-no-username = The bot does not keep Telegram usernames (@…). Please send the person's full name or Telegram id, for example /council add Nguyễn Thị Lan.
cn-not-registered-id = Nobody registered with the bot has the Telegram id {$id}. Someone not registered cannot join the Council: send /invite &lt;unit code&gt; council to invite them.
cn-not-registered-name = Nobody registered is called “{$name}”. Someone not registered cannot join the Council: send /invite &lt;unit code&gt; council to invite them.
cn-pick-person = {$count} people have that name. Please pick the right one (or send the command again with the Telegram id):
cn-set = <b>{$name}</b> is now {$role}.
cn-replaced = The previous {$role}, <b>{$name}</b>, stays a Council member.
cn-unchanged = <b>{$name}</b> is {$role} already: nothing changed.
cn-removed = <b>{$name}</b> is no longer on the Emulation and Commendation Council.
cn-not-member = <b>{$name}</b> is not on the Council: nothing changed.
cn-notice-role = 🏛 The Department's Office has named you <b>{$role}</b> (the Department's Emulation and Commendation Council). Send /council to see the Council and the nominations before it.
cn-notice-removed = 🏛 The Department's Office has removed you from the Department's Emulation and Commendation Council.
cn-joined = 🏛 You are now a member of the <b>Department's Emulation and Commendation Council</b>. Send /council to see the Council and the nominations before it.
cn-already-member = You are on the Emulation and Commendation Council already: nothing changed.
cn-invite-usage = /invite &lt;unit code&gt; council: invite into the unit and the Emulation and Commendation Council
cn-invite-role = {$role}, Council member
cn-invite-advice = This link brings whoever opens it into the unit and the Emulation and Commendation Council: send it privately to the right person only. Someone already in this unit joins the Council only and keeps their role in the unit.

## Details for the Báo cáo thành tích: asked when nominated, shown in /me, erased with the profile
pf-button = ✍️ Add details for the Báo cáo thành tích
pf-not-allowed = Only that person or the head of their unit may add these details.
pf-not-registered = This person is no longer on the bot: there are no details to add.
pf-not-given = <i>not given</i>
pf-awards-none = none
pf-gender-male = Male
pf-gender-female = Female
pf-details =
    Date of birth: {$dob}
    Gender: {$gender}
    Hometown (quê quán): {$hometown}
    Qualification (trình độ chuyên môn): {$qualification}
    Duties (nhiệm vụ được giao): {$duties}
    Awards received: {$awards}
pf-me-header = <b>Details for the Báo cáo thành tích</b>
pf-intro = ✍️ <b>Details for the Báo cáo thành tích</b>: the bot asks 6 questions, one by one. Press “⏭ Skip” for any you do not want to answer now; send /cancel to stop (answers given so far are kept).
pf-question-head = <b>{$name}</b> · question {$step}/{$total}
pf-ask-dob = Date of birth, as day/month/year (for example 05/03/1985):
pf-ask-gender = Gender: press Male or Female.
pf-ask-hometown = Hometown (commune/ward, province/city):
pf-ask-qualification = Professional qualification (for example: Bachelor of Law):
pf-ask-duties = Duties assigned (position's responsibilities, areas in charge):
pf-ask-awards =
    Awards already received, one a line: year - award - decision number, for example
    2024 - Giấy khen của Giám đốc Sở - 12/QĐ-STP
    If none, send “none”.
pf-current = Now: {$value}
pf-skip = ⏭ Skip
pf-skip-hint = <i>Press “⏭ Skip” to keep it as it is.</i>
pf-text-expected = Please answer in text (or press “⏭ Skip”).
pf-bad-dob-format = The date of birth is not day/month/year, for example 05/03/1985. Nothing was saved.
pf-bad-dob-not-a-date = There is no such date in the calendar. Please check the day and month. Nothing was saved.
pf-bad-dob-age = That date of birth gives an age outside {$min}–{$max}. Please check the year. Nothing was saved.
pf-bad-gender = Please press Male or Female (or “⏭ Skip”). Nothing was saved.
pf-bad-text-short = The answer is too short. Nothing was saved.
pf-bad-text-long = The answer is longer than {$max} characters. Please shorten it. Nothing was saved.
pf-bad-text-letters = The answer needs some words. Nothing was saved.
pf-bad-awards-many = The list is too long. Please give the main awards, 30 lines and 2000 characters at most. Nothing was saved.
pf-bad-awards-line = Line {$line} is not “year - award - decision number”, for example 2024 - Giấy khen của Giám đốc Sở - 12/QĐ-STP. Nothing was saved.
pf-bad-awards-year = The year on line {$line} must be from 1975 to {$year}. Nothing was saved.
pf-bad-awards-form = The award on line {$line} is missing or too long. Nothing was saved.
pf-bad-awards-decision = The decision number on line {$line} is too long. Nothing was saved.
pf-summary = ✅ Details for the Báo cáo thành tích of <b>{$name}</b> saved:
pf-summary-missing = {$count} still missing: press “✍️ Add details for the Báo cáo thành tích” in /me to add them later.
pf-notice-nominee = ✍️ You have been nominated for an award. The Báo cáo thành tích needs {$count} details the bot does not have (date of birth, gender, hometown, qualification, duties, awards received). Press the button below to answer; your head may also fill them in for you.
pf-offer-head = ✍️ The Báo cáo thành tích of <b>{$name}</b> lacks {$count} details (date of birth, hometown, qualification…). { $told ->
        [yes] The bot asked them to add these; you may also fill them in yourself:
       *[no] They are no longer on the bot to answer; you may fill them in:
    }
pf-offer-self = ✍️ Your Báo cáo thành tích lacks {$count} details (date of birth, hometown, qualification…). Press the button below to add them.
pf-delete-goes = With the details for the Báo cáo thành tích (date of birth, gender, hometown, qualification, duties, awards received).
pf-cancelled = Stopped. The answers given before are kept; press “✍️ Add details for the Báo cáo thành tích” in /me to go on.
# Drafts of documents (issue 13)
doc-draft-button = 📄 Draft
doc-not-visible = You cannot see this nomination, so you cannot get its draft.
doc-making = Drafting…
doc-report-caption = Draft achievement report (Báo cáo thành tích) of {$name}, proposed for {$form}, made on {$date} from what the bot holds now. Open it in Word, fill in what reads "chưa có dữ liệu" (no data yet), then sign it and file it with the award nomination dossier.
doc-letter-button = 📄 Draft Tờ trình
doc-letter-caption = Draft nomination letter (Tờ trình đề nghị khen thưởng) of {$unit}, award round {$year}, made on {$date} from the nominations the bot holds now. Open it in Word, give it its number, complete and sign it, then upload it to the dossier.
doc-list-button = 📄 Nomination list: {$form}
doc-list-caption = Draft nomination list (danh sách đề nghị khen thưởng) for {$form}, award round {$year}: {$count} nominations put before the Emulation and Commendation Council or further on, made on {$date}.
doc-office-intro =
    <b>Document drafts</b>
    The Office can draft the documents below from what the bot holds now (.docx files to complete and sign in Word). Press a button to get a draft.
doc-office-none = <b>Document drafts</b>
    There is nothing to draft from what the bot holds yet.
doc-ballot-button = 📄 Draft ballots
doc-minutes-button = 📄 Draft meeting minutes
doc-count-button = 📄 Draft vote-count record
doc-decision-button = 📄 Draft decision awarding the Giấy khen
doc-ballot-not-allowed = Only the Department's Office and the members of this meeting's Council can take its ballots.
doc-decision-nothing = The Council passed no nomination for the Giấy khen at this meeting, so there is no decision to draft.
doc-ballot-caption = Draft ballots of meeting {$id}: one page per Council member ({$members} pages), made on {$date}. Print them for the members to tick and sign.
doc-minutes-caption = Draft minutes of the Emulation and Commendation Council, meeting {$id}, made on {$date} from the votes on the bot. Open it in Word, check it, complete it and have it signed.
doc-count-caption = Draft vote-count record of meeting {$id}, made on {$date} from the votes on the bot. Open it in Word, check it and have it signed.
doc-decision-caption = Draft decision of the Director awarding the Giấy khen to the { $count } nominations the Council passed at meeting {$id}, with its list, made on {$date}. Number, code and signing date are left blank.
# /docs lists every document the Office can draft; the Department's Tờ trình; the decision of everything awaiting it
doc-office-missing = <b>Not yet possible</b> (data missing):
doc-missing-list = Nomination list for {$form}: no nomination has been put before the Emulation and Commendation Council.
doc-missing-meeting = Ballots, meeting minutes, vote-count record: the Council has not met in this round (/council meet).
doc-missing-minutes = Minutes and vote-count record of meeting {$id}: the meeting is not closed yet.
doc-office-ballot = 📄 Ballots · meeting {$id}
doc-office-minutes = 📄 Council minutes · meeting {$id}
doc-office-count = 📄 Vote-count record · meeting {$id}
doc-office-meeting-decision = 📄 Decision awarding the {$form} · meeting {$id}
doc-office-round-decision = 📄 Decision awarding the {$form}: everything awaiting it ({$count})
doc-missing-round-decision = Decision awarding the {$form}: no nomination passed by the Council is awaiting the decision.
doc-office-province-letter = 📄 Department's Tờ trình proposing the {$form} ({$count})
doc-missing-province-letter = Department's Tờ trình proposing the {$form}: no nomination passed by the Council is awaiting it.
doc-round-decision-nothing = No nomination of this form is awaiting the decision, so there is no decision to draft.
doc-round-decision-caption = Draft decision of the Director awarding the {$form} to the { $count } nominations the Council passed that await the decision (award round {$year}), with its list, made on {$date}. Number, code and signing date are left blank.
doc-province-letter-nothing = No nomination of this form passed by the Council is awaiting the Department's Tờ trình, so there is nothing to draft.
doc-province-letter-caption = Draft Tờ trình of the Department proposing the {$form} for the { $count } nominations the Emulation and Commendation Council passed (award round {$year}), with its list, made on {$date}. Number and code are left blank; have the Director sign it, then record it with /record.
rr-decision-draft-button = 📄 Draft decision · {$form}
rr-letter-draft-button = 📄 Draft Department's Tờ trình · {$form}
mr-docs-button = 📄 Interim and final reports on the movement
mr-menu =
    <b>Interim and final reports on the movement</b>
    Choose the report to draft. Figures per unit (each person counted in their current unit), with charts; a .docx for the Office to complete and have signed.
mr-so-ket-button = Interim report {$year}
mr-tong-ket-button = Final report {$from} - {$to}
mr-title-so-ket = interim report for {$year}
mr-title-tong-ket = final report for {$from} - {$to}
mr-making = ⏳ Drafting the {$title}… The bot sends the file when it is ready; meanwhile you can use the other commands as usual.
mr-busy = The bot is already drafting a report for you. Please wait for the file before asking for another.
mr-caption = Draft {$title} on the movement ({$units} units), made on {$date} from the data on the bot. Open it in Word, add the overall assessment, the way forward and the recommendations, then have it signed.
mr-failed = The {$title} could not be drafted. Please try again in a few minutes; if it still fails, tell the administrator.

# The Office's /status <unit>: where to go on
st-unit-nominations-button = 🏅 The unit's award nominations
st-unit-people-button = 👥 Staff self-assessments
# The Office's /dossier: the units whose dossier was sent
ds-sent-title = <b>Award nomination dossiers sent, {$year} award round</b> ({$count} unit(s), latest first):
ds-sent-at = sent at {$at}
ds-sent-at-late = sent at {$at} (late)
ds-sent-none = No unit has sent its dossier yet.
# Notices of a round opened or closed, and of an extension about to end
nt-round-opened =
    📢 The Department's Office has opened the <b>{$year} award round</b>.
    Award nomination dossiers must reach the Office before {$deadline}. Staff self-assess with /assess.
nt-round-closed = 📢 The Department's Office has closed the <b>{$year} award round</b>. From now on you can only view what was sent.
nt-extension-ending =
    ⏳ The extension of unit {$unit} ({$year} award round) ends before {$until}: one week left.
    Please complete and send the award nomination dossier (/dossier) before then.
