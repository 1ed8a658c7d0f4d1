package cloud.dangjian.plugins.points.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** The points pages in English: a Java interface rather than a properties file, so the compiler checks every key. */
@Localized("en")
public interface PointsMessagesEn extends PointsMessages {

    @Override
    @Message("My points")
    String my_points();

    @Override
    @Message("Period")
    String period();

    @Override
    @Message("Months")
    String months();

    @Override
    @Message("Quarters")
    String quarters();

    @Override
    @Message("Years")
    String years();

    @Override
    @Message("Show")
    String show();

    @Override
    @Message("Choose a period from the list")
    String period_invalid();

    @Override
    @Message("Points this period")
    String balance();

    @Override
    @Message("{total} points")
    String balance_total(String total);

    @Override
    @Message("By kind")
    String by_kind();

    @Override
    @Message("{#when kind}{#is 'AUTOMATIC'}Automatic{#is 'TASK'}Task{#is 'BONUS'}Bonus{#is 'CORRECTION'}Correction{#else}{kind}{/when}")
    String kind(String kind);

    @Override
    @Message("Rank in branch")
    String rank_in_branch();

    @Override
    @Message("Rank in the organisation")
    String rank_in_tenant();

    @Override
    @Message("{rank} of {of}")
    String rank_of(String rank, String of);

    @Override
    @Message("History")
    String history();

    @Override
    @Message("No entries in this period yet.")
    String no_entries();

    @Override
    @Message("Date")
    String date();

    @Override
    @Message("Points")
    String points();

    @Override
    @Message("Reason")
    String reason();

    @Override
    @Message("Granted by")
    String granted_by();

    @Override
    @Message("Entry")
    String entry();

    @Override
    @Message("System")
    String system();

    @Override
    @Message("Your login is not linked to a member record, so you have no points of your own yet. Ask your branch secretary.")
    String no_member_record();

    @Override
    @Message("Point tasks")
    String tasks();

    @Override
    @Message("Open tasks to claim")
    String open_tasks();

    @Override
    @Message("No open task in your organisations.")
    String no_open_tasks();

    @Override
    @Message("My tasks")
    String my_tasks();

    @Override
    @Message("You have not claimed a task.")
    String no_my_tasks();

    @Override
    @Message("{points} points")
    String task_points(String points);

    @Override
    @Message("{#when status}{#is 'OPEN'}Open{#is 'CLAIMED'}In progress{#is 'COMPLETED'}Awaiting approval{#is 'APPROVED'}Approved{#else}{status}{/when}")
    String task_status(String status);

    @Override
    @Message("Claim")
    String claim();

    @Override
    @Message("Report done")
    String complete();

    @Override
    @Message("What was done")
    String completion_note();

    @Override
    @Message("Approve")
    String approve();

    @Override
    @Message("Send back")
    String reject();

    @Override
    @Message("Reason for sending back")
    String reject_reason();

    @Override
    @Message("Sent back: {reason}")
    String sent_back(String reason);

    @Override
    @Message("Task claimed.")
    String claimed();

    @Override
    @Message("Reported done; awaiting approval.")
    String completed();

    @Override
    @Message("Approved; the points are in the ledger.")
    String approved();

    @Override
    @Message("Sent back to the member.")
    String rejected();

    @Override
    @Message("Task published.")
    String published();

    @Override
    @Message("Publish a task")
    String publish_task();

    @Override
    @Message("Organisation")
    String organisation();

    @Override
    @Message("Title")
    String title();

    @Override
    @Message("Description")
    String description();

    @Override
    @Message("Tasks awaiting approval")
    String awaiting_approval();

    @Override
    @Message("No task awaits approval.")
    String no_awaiting();

    @Override
    @Message("Member")
    String claimant();

    @Override
    @Message("You claimed or completed this task yourself; somebody else of the branch reviews it.")
    String own_task();

    @Override
    @Message("Points appraisal")
    String appraisal();

    @Override
    @Message("Member ranking")
    String member_ranking();

    @Override
    @Message("Branch ranking")
    String branch_ranking();

    @Override
    @Message("Rank")
    String rank();

    @Override
    @Message("Code")
    String code();

    @Override
    @Message("Name")
    String name();

    @Override
    @Message("Branch")
    String branch();

    @Override
    @Message("Members")
    String members_count();

    @Override
    @Message("Total")
    String total();

    @Override
    @Message("Per head")
    String per_head();

    @Override
    @Message("No points in this period yet.")
    String no_ranking();

    @Override
    @Message("Month by month")
    String trend();

    @Override
    @Message("Month")
    String month();

    @Override
    @Message("Entries")
    String entries();

    @Override
    @Message("Members with points")
    String active_members();

    @Override
    @Message("Members without activity this period")
    String inactive();

    @Override
    @Message("Every member earned points this period.")
    String no_inactive();

    @Override
    @Message("Only the first {shown} are shown; the sheet has everyone.")
    String inactive_more(String shown);

    @Override
    @Message("Download this period's appraisal sheet (CSV)")
    String download_sheet();

    @Override
    @Message("Award bonus points")
    String award();

    @Override
    @Message("Member code")
    String award_member();

    @Override
    @Message("1 to {max} points")
    String award_points_help(String max);

    @Override
    @Message("{name} was awarded {points} bonus points.")
    String awarded(String points, String name);

    @Override
    @Message("Correct an entry")
    String correction();

    @Override
    @Message("Entry number")
    String correction_entry();

    @Override
    @Message("Change (empty: undo the whole entry)")
    String correction_points();

    @Override
    @Message("A correction is a compensating entry; the entry itself is never edited. Entry numbers are in a member's history.")
    String correction_help();

    @Override
    @Message("Entry {entry} was corrected.")
    String corrected(String entry);

    @Override
    @Message("{name}'s history")
    String member_history(String name);

    @Override
    @Message("Correct")
    String correct_this();

    @Override
    @Message("Verify the ledger")
    String verify();

    @Override
    @Message("Recomputes the ledger's hash chain to find entries changed or removed behind the application's back.")
    String verify_help();

    @Override
    @Message("Verify")
    String verify_start();

    @Override
    @Message("The ledger is intact: the hash chain of {entries} entries holds.")
    String verify_intact(String entries);

    @Override
    @Message("The ledger is broken at entry {seq} ({reason}).")
    String verify_broken(String seq, String reason);

    @Override
    @Message("Last hash")
    String last_hash();

    @Override
    @Message("Award")
    String submit_award();

    @Override
    @Message("Correct")
    String submit_correction();

    @Override
    @Message("This is required")
    String error_required();

    @Override
    @Message("Enter a whole number")
    String error_number();

    @Override
    @Message("A bonus is between 1 and {max} points")
    String error_award_range(String max);

    @Override
    @Message("A task is worth between 1 and {max} points")
    String error_task_range(String max);

    @Override
    @Message("No member with code {code}")
    String error_no_member(String code);

    @Override
    @Message("Outside the organisations you manage")
    String error_outside();

    @Override
    @Message("No entry {entry}")
    String error_no_entry(String entry);

    @Override
    @Message("At most {max} characters")
    String error_too_long(String max);

    @Override
    @Message("The task is no longer open; somebody acted on it first. Reload the page.")
    String error_not_open();

    @Override
    @Message("Your login is not linked to a member record, so you cannot claim tasks.")
    String error_no_link();

    @Override
    @Message("This is not your task.")
    String error_not_yours();

    @Override
    @Message("The task has moved on; reload the page and try again.")
    String error_state();

    @Override
    @Message("Whole organisation")
    String whole_tenant();

    @Override
    @Message("This entry is itself a correction; correct the entry it corrects")
    String error_is_correction();

    @Override
    @Message("A correction must change the entry and keep it between 0 and its own points")
    String error_correction_range();

    @Override
    @Message("History")
    String view_history();

    @Override
    @Message("Each month of {year}")
    String trend_year(String year);

    @Override
    @Message("This member has no entries in this period.")
    String no_history();

    @Override
    @Message("Kind")
    String kind_column();
}
