// Parses Adaptive Cards with Microsoft's JS renderer and prints what it could not parse.
// Usage: node validate-cards.cjs cards.json   (a JSON array of cards)
// Prints a JSON array: one entry per card, listing the renderer's parse events and validation messages.
const fs = require("node:fs");
const AC = require("adaptivecards/dist/adaptivecards.js");

const cards = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const results = cards.map((json, index) => {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(new AC.Version(1, 5));
  card.parse(json, context);
  const problems = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents ?? []) problems.push(event.message);
  return { index, problems };
});
process.stdout.write(JSON.stringify(results));
