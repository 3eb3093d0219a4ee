/**
 * The reviewed word lists that decide when a word from the given-name gazetteer is a name. Two
 * questions are hard for a list: is lower-case "grace" a name (no: "grace before meals"), and is
 * lower-case "john" a word (the English word list has it, as slang, yet a transcript's "tell john"
 * means a person)? These lists answer where the data packages cannot; a reviewer adds to them.
 */

/**
 * Given names that are also everyday English words: lower case, they are words ("I will go",
 * "the rose garden", "pat the dog"); capitalized at the start of a sentence too ("Will you
 * come?"). Added to the English word list's answer, because that list misses none of these but
 * also says yes to "john"; see NAMES_FIRST.
 */
export const NAME_WORDS: ReadonlySet<string> = wordSet(`
  will grace hope may mark rose bill pat sue rob don art guy ray max van dawn joy faith amber
  ivy holly iris lily ruby summer sunny sandy penny rusty candy crystal june april august
  jack frank gene nick chase hunter heather violet daisy pearl jewel hazel heath glen dale
  cliff rod wade bud buck chance charity honey angel star sky river rain storm hero king
  prince earl baron major miles price young long white said can son man mine bob kit sonny
  happy page drew reed ward lane dean hall bell carol pepper ginger olive jasmine clay flint
  ash rowan sage autumn winter story bliss sterling harmony melody destiny trinity patience
  prudence constance verity just even else ever more love lucky precious marina doctor nurse
  mum mom dad nan gran granny nana papa mama baby anal brain bless blessing brown comfort era
  forest general genesis golden green heaven judge junior justice kin lyric loyal miracle name
  naval noble oral pink promise queen royal sincere sister stone toy trace unique urban berry
  dock ford fern flora ivory diamond grant pierce piper porter walker turner hardy haven delta
  mac lance rocky cooper marshall mason miller parker princess sierra willow
`);

/**
 * Given names the English word list also holds (as rare or slang words) that are far more often
 * a person in what people tell a companion robot: matched in lower case too ("tell john").
 */
export const NAMES_FIRST: ReadonlySet<string> = wordSet(`
  john tom mary james peter paul anna maggie joe sam ben dan david sarah emma jim tim luke
  jay lee ken ian neil kate lucy susan helen margaret michael robert richard thomas william
  george harry jane ann anne alice betty dorothy edward elizabeth henry jenny jerry jimmy
  joan johnny kevin laura linda lisa martin matt mike nancy oliver peggy priya rachel rebecca
  ruth sally simon steve teresa tony victor walter ana maria jose carlos juan pierre hans
  fritz ahmed ali fatima omar raj
`);

/**
 * Capitalized words that are in the gazetteer but name a month, a day, a feast or God: "in
 * May", "on Christmas Day". Never redacted as a name on the gazetteer's word alone.
 */
export const NOT_GIVEN_NAMES: ReadonlySet<string> = wordSet(`
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday christmas easter god lord jesus
  christ allah hearth english french german spanish irish scottish welsh british american
  australian europe america africa asia london paris dublin madrid berlin
`);

/** The words of a reviewed list, one or more per line. */
function wordSet(text: string): ReadonlySet<string> {
  return new Set(text.split(/\s+/).filter((word) => word !== ''));
}
