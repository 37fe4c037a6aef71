#!/usr/bin/env node
// Security scan of the synthesized CloudFormation templates with the cdk-nag AwsSolutions and
// PCIDSS321 packs. Every finding must be acknowledged, with a reason, in acknowledgements.json;
// anything else (and any acknowledgement that no longer matches a finding) fails the scan.
//
// Usage: node infra/nag/scan.js [template directory]   (default: infra/snapshots)
// The directory may also be a cdk.out folder: every *.template.json in it is scanned.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { App, Stack, cloudformation_include: cfnInclude } = require('aws-cdk-lib');
const { AwsSolutionsChecks, PCIDSS321Checks } = require('cdk-nag');

const repositoryRoot = path.resolve(__dirname, '..', '..');
const acknowledgementsFile = path.join(__dirname, 'acknowledgements.json');
const templateDirectory = path.resolve(process.argv[2] ?? path.join(repositoryRoot, 'infra', 'snapshots'));
const includeId = 'Template';

function loadAcknowledgements() {
  const { acknowledgements } = JSON.parse(fs.readFileSync(acknowledgementsFile, 'utf8'));
  for (const [index, entry] of acknowledgements.entries()) {
    for (const key of ['rule', 'resources', 'reason']) {
      if (!entry[key] || (Array.isArray(entry[key]) && entry[key].length === 0)) {
        throw new Error(`${acknowledgementsFile}: acknowledgement #${index + 1} has no '${key}'.`);
      }
    }
    if (entry.reason.trim().length < 20) {
      throw new Error(`${acknowledgementsFile}: acknowledgement of ${entry.rule} needs a real reason.`);
    }
  }
  return acknowledgements.map((entry) => ({ ...entry, used: false }));
}

// Resource paths without the stack name, e.g. "Writer/Function/Resource", so one acknowledgement
// covers the same resource in every environment.
function resourcePathsByLogicalId(template, stackName) {
  const paths = new Map();
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const cdkPath = resource.Metadata?.['aws:cdk:path'] ?? logicalId;
    paths.set(logicalId, cdkPath.startsWith(`${stackName}/`) ? cdkPath.slice(stackName.length + 1) : cdkPath);
  }
  return paths;
}

function scanTemplate(file, acknowledgements) {
  const stackName = path.basename(file, '.template.json');
  const template = JSON.parse(fs.readFileSync(file, 'utf8'));
  const paths = resourcePathsByLogicalId(template, stackName);

  const app = new App();
  const stack = new Stack(app, stackName);
  new cfnInclude.CfnInclude(stack, includeId, { templateFile: file });

  const findings = [];
  for (const pack of [new AwsSolutionsChecks(undefined, { verbose: true }), new PCIDSS321Checks(undefined, { verbose: true })]) {
    const report = pack.validateScope(stack);
    for (const violation of report.violations) {
      for (const resource of violation.violatingResources) {
        const logicalId = resource.constructPath.split('/').pop();
        const resourcePath = paths.get(logicalId) ?? resource.constructPath;
        const acknowledgement = acknowledgements.find(
          (entry) => entry.rule === violation.ruleName && entry.resources.includes(resourcePath));
        if (acknowledgement) {
          acknowledgement.used = true;
        } else {
          findings.push({ stackName, rule: violation.ruleName, resourcePath, severity: violation.severity, description: violation.description });
        }
      }
    }
  }
  return findings;
}

function main() {
  const acknowledgements = loadAcknowledgements();
  const files = fs.readdirSync(templateDirectory)
    .filter((name) => name.endsWith('.template.json'))
    .sort()
    .map((name) => path.join(templateDirectory, name));
  if (files.length === 0) {
    console.error(`No *.template.json in ${templateDirectory}.`);
    return 2;
  }

  const findings = files.flatMap((file) => scanTemplate(file, acknowledgements));
  const stale = acknowledgements.filter((entry) => !entry.used);

  for (const finding of findings) {
    console.error(`${finding.severity.toUpperCase()} ${finding.stackName} ${finding.resourcePath}: ${finding.rule}\n    ${finding.description}`);
  }
  for (const entry of stale) {
    console.error(`STALE acknowledgement ${entry.rule} on ${entry.resources.join(', ')}: it matches no finding; remove it.`);
  }
  const acknowledged = acknowledgements.length - stale.length;
  console.log(`cdk-nag (AwsSolutions, PCIDSS321) over ${files.length} template(s) in ${path.relative(repositoryRoot, templateDirectory) || '.'}: ` +
    `${findings.length} unacknowledged finding(s), ${acknowledged} acknowledgement(s) used, ${stale.length} stale.`);
  return findings.length === 0 && stale.length === 0 ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error.message);
  process.exitCode = 2;
}
