package main

// section is one top-level content folder of the corpus.
type section struct {
	slug, title string
}

// sections is the pool of content folders; --sections takes a prefix.
var sections = []section{
	{"seo", "SEO"},
	{"email-marketing", "Email Marketing"},
	{"paid-ads", "Paid Ads"},
	{"social-media", "Social Media"},
	{"content-marketing", "Content Marketing"},
	{"analytics", "Analytics"},
	{"conversion", "Conversion Optimization"},
	{"partnerships", "Partnerships"},
	{"product-marketing", "Product Marketing"},
	{"sales-enablement", "Sales Enablement"},
	{"community", "Community"},
	{"brand", "Brand"},
}

var topics = []string{
	"onboarding", "retargeting", "lead scoring", "landing page", "newsletter",
	"webinar", "referral program", "pricing page", "case study", "launch",
	"free trial", "cold outreach", "keyword cluster", "link building",
	"lifecycle email", "churn reduction", "upsell", "win-back campaign",
	"A/B test", "attribution model", "influencer program", "podcast",
	"customer story", "demand generation", "account-based marketing",
	"product tour", "review generation", "affiliate program", "event",
	"community forum", "positioning", "messaging framework", "cohort analysis",
}

// titlePatterns use {Topic}, {n}, {Goal}, {Metric} and {Audience}.
var titlePatterns = []string{
	"The {Topic} Playbook: {n} Steps to {Goal}",
	"How to Run a {Topic} That Drives {Metric}",
	"{Topic} Checklist for {Audience}",
	"A Practical Guide to {Topic} for {Audience}",
	"{n} {Topic} Tactics That Improve {Metric}",
	"Scaling Your {Topic} Without Burning Budget",
	"{Topic} Benchmarks and Templates for {Audience}",
}

var goals = []string{"Double Signups", "Reduce Churn", "Win Enterprise Deals",
	"Grow Organic Traffic", "Lower Acquisition Cost", "Increase Retention",
	"Shorten the Sales Cycle", "Build Pipeline"}

var metrics = []string{"Revenue", "Qualified Leads", "Activation", "Retention",
	"Click-Through Rate", "Pipeline", "Conversion", "Engagement"}

var audiences = []string{"SaaS Startups", "B2B Teams", "Ecommerce Brands", "Agencies",
	"Small Businesses", "Marketplaces", "Developer Tools", "Nonprofits"}

var tags = []string{"growth", "saas", "b2b", "ecommerce", "email", "seo", "ppc",
	"retention", "analytics", "copywriting", "automation", "funnel",
	"branding", "social", "crm", "experimentation", "content", "sales"}

// stages are playbook's journey stages (SPEC section 3).
var stages = []string{"activation", "adoption", "expansion", "advocacy", "renewal"}

var subjects = []string{"Your team", "The campaign", "A strong offer", "The landing page",
	"Every touchpoint", "The first email", "Your sales team",
	"The dashboard", "A clear call to action", "The nurture sequence",
	"Each experiment", "The budget", "Our data", "The audience"}

var verbs = []string{"should measure", "can improve", "needs to clarify", "will amplify",
	"must prioritize", "often ignores", "quickly reveals",
	"directly supports", "tends to underestimate", "helps validate",
	"can simplify", "should document"}

var objects = []string{"the activation rate", "customer lifetime value",
	"the cost per acquisition", "the value proposition",
	"qualified pipeline", "the onboarding flow", "brand awareness",
	"the conversion funnel", "message-market fit", "trial-to-paid conversion",
	"the weekly reporting cadence", "audience segments",
	"the content calendar", "high-intent keywords"}

var tails = []string{"before the next quarter", "across every channel",
	"without adding headcount", "for the highest-value segment",
	"with a single owner", "in the first thirty days",
	"using existing tools", "while keeping costs flat",
	"based on real customer interviews", "with a weekly review"}

var connectors = []string{"In practice,", "As a rule,", "Most importantly,", "Over time,",
	"For example,", "In our experience,", "At the same time,",
	"Consequently,", "Meanwhile,", "Above all,"}

// h2Templates and the question lists use {topic}.
var h2Templates = []string{"Why {topic} matters", "Setting goals for your {topic}",
	"Building the {topic} plan", "Choosing channels and tools",
	"Measuring {topic} results", "Common mistakes to avoid",
	"Scaling what works", "Budget and resourcing",
	"Aligning sales and marketing", "Templates you can reuse"}

var h3Templates = []string{"Define the audience", "Pick one primary metric",
	"Write the core message", "Set a review cadence",
	"Instrument the funnel", "Run a small pilot",
	"Document the process", "Assign clear owners",
	"Automate the repetitive work", "Report to stakeholders"}

var questions = []string{"How long does a {topic} take to show results?",
	"What budget do we need for a {topic}?",
	"Which metrics matter most for a {topic}?",
	"Who should own the {topic}?",
	"How often should we review the {topic}?",
	"Can a small team run a {topic}?",
	"What tools do we need for a {topic}?",
	"How do we know the {topic} is working?",
	"Should we outsource the {topic}?",
	"What is the biggest risk in a {topic}?"}

// answerQuestions head the `::: answer` block; the block answers the
// nearest heading above it.
var answerQuestions = []string{"What does a strong {topic} look like?",
	"What is the fastest way to start the {topic}?",
	"What makes the {topic} work?"}

var tableHead = []string{"Metric", "Baseline", "Target", "Owner"}

var tableMetrics = []string{"Open rate", "Click-through rate", "Conversion rate",
	"Cost per lead", "Activation rate", "Churn rate",
	"Pipeline created", "Demo requests", "Organic sessions",
	"Return on ad spend", "Net revenue retention", "Signups"}

var owners = []string{"Growth lead", "Marketing ops", "Content team", "Sales manager",
	"Product marketing", "Lifecycle team", "Demand gen", "CMO"}

// fillers are short sentences that top up a best answer to 40 words.
var fillers = []string{"Start small and measure weekly.", "Keep one owner.",
	"Review it every month.", "Cut what does not move the metric."}
