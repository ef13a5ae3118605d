package io.cairn.membership;

/**
 * The count of a member vote and what it decides.
 *
 * <p>The arithmetic, with {@code E} the electorate size (active member organisations when the proposal
 * opened, minus the organisation the proposal concerns), {@code cast = yes + no + abstain}:
 * <ul>
 *   <li>quorum is met when {@code cast * 100 >= quorumPercent * E}: abstentions count toward the quorum;</li>
 *   <li>only {@code yes} and {@code no} are decisive: the rule ({@link DecisionRule}) is applied to them alone,
 *       so abstentions count toward neither side;</li>
 *   <li>the proposal is approved when quorum is met and the rule is satisfied; otherwise rejected
 *       (in particular when nobody votes yes).</li>
 * </ul>
 * The outcome is final before the window closes when the organisations that have not voted yet cannot
 * change it even if all of them voted yes, or all no, or none voted: approval grows with yes votes and
 * with turnout and shrinks with no votes, so those three extremes bound every other completion.
 *
 * @param electorate    {@code E}
 * @param yes           yes votes
 * @param no            no votes
 * @param abstain       abstentions
 * @param rule          the rule of the policy version the proposal opened under
 * @param quorumPercent the quorum of that version
 */
public record Tally(int electorate, int yes, int no, int abstain, DecisionRule rule, int quorumPercent) {

    /** Votes cast, abstentions included. */
    public int cast() {
        return yes + no + abstain;
    }

    /** Whether enough of the electorate cast a vote. */
    public boolean quorumMet() {
        return (long) cast() * 100 >= (long) quorumPercent * electorate;
    }

    /** Whether the proposal is approved by these votes. */
    public boolean approved() {
        return quorumMet() && rule.satisfiedBy(yes, no);
    }

    /** Whether the votes still missing could not change the outcome. */
    public boolean settled() {
        int missing = electorate - cast();
        boolean ifAllYes = with(yes + missing, no, abstain).approved();
        boolean ifAllNo = with(yes, no + missing, abstain).approved();
        boolean ifNone = approved();
        return ifAllYes == ifAllNo && ifAllNo == ifNone;
    }

    /** Why the proposal is approved or rejected, in words. */
    public String explanation() {
        String counts = "yes " + yes + ", no " + no + ", abstain " + abstain + " of " + electorate
                + " eligible organisations";
        if (!quorumMet()) {
            return "quorum of " + quorumPercent + "% not reached (" + counts + ")";
        }
        return (approved() ? "approved under " : "rejected under ") + rule.label() + " (" + counts + ")";
    }

    private Tally with(int y, int n, int a) {
        return new Tally(electorate, y, n, a, rule, quorumPercent);
    }
}
