import { Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

/** Props of {@link ReceiptRuleSetActivation}. */
export interface ReceiptRuleSetActivationProps {
  /** The receipt rule set to make active. */
  readonly ruleSetName: string;
}

/**
 * Makes the rule set the region's active one on deploy and deactivates it on delete: a rule set CDK creates is
 * inactive, and a region has at most one active rule set, so this replaces any other (hence opt-in).
 */
export class ReceiptRuleSetActivation extends Construct {
  constructor(scope: Construct, id: string, props: ReceiptRuleSetActivationProps) {
    super(scope, id);
    const activate = {
      service: 'SES',
      action: 'setActiveReceiptRuleSet',
      parameters: { RuleSetName: props.ruleSetName },
      physicalResourceId: PhysicalResourceId.of(props.ruleSetName),
    };
    const resource = new AwsCustomResource(this, 'Resource', {
      onCreate: activate,
      onUpdate: activate,
      // Without RuleSetName, SES deactivates the active rule set.
      onDelete: { service: 'SES', action: 'setActiveReceiptRuleSet', parameters: {} },
      installLatestAwsSdk: false,
      policy: AwsCustomResourcePolicy.fromStatements([
        // SES receipt rule set actions support no resource-level permissions, so the resource must be `*`:
        // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonses.html
        new PolicyStatement({ actions: ['ses:SetActiveReceiptRuleSet'], resources: ['*'] }),
      ]),
    });
    Validations.of(resource).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'ses:SetActiveReceiptRuleSet supports no resource-level permissions; it is the only action allowed',
    });
    // AwsCustomResource runs in CDK's singleton provider function, created beside this construct in the stack.
    const provider = Stack.of(this).node.tryFindChild(AWS_CUSTOM_RESOURCE_PROVIDER_ID);
    if (provider !== undefined) {
      Validations.of(provider).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's AwsCustomResource provider (runs only at deploy time) uses the basic execution role for logs",
      });
    }
  }
}

/** The construct id CDK gives the AwsCustomResource singleton provider (aws-cdk-lib/custom-resources). */
const AWS_CUSTOM_RESOURCE_PROVIDER_ID = 'AWS679f53fac002430cb0da5b7982bd2287';
