// Every operation the Explorer sends. GraphQL Code Generator reads these against the SDL
// snapshot and writes their result and variable types into src/gql/.
//
// `$reports` in the fact fragments: how many reports each card shows (lists pass a few, as a
// well-covered fact has hundreds; a fact's own page passes none, which is all of them), and
// every operation using them declares it.
import { graphql } from "./gql";

export const ReportFields = graphql(`
  fragment ReportFields on Report {
    excerpt
    article {
      id
      title
      url
      publisher
      publishedOn
    }
  }
`);

export const MeetingFields = graphql(`
  fragment MeetingFields on Meeting {
    id
    title
    date
    mode
    status
    place
    participants {
      role
      actor {
        id
        name
        kind
      }
    }
    reportCount
    reports(first: $reports) {
      ...ReportFields
    }
  }
`);

export const StatementFields = graphql(`
  fragment StatementFields on Statement {
    id
    text
    date
    medium
    speaker {
      id
      name
      kind
    }
    reportCount
    reports(first: $reports) {
      ...ReportFields
    }
  }
`);

export const OverviewQuery = graphql(`
  query Overview($first: Int!) {
    stats {
      actors
      meetings
      statements
      articles
    }
    meetings(first: $first) {
      totalCount
      edges {
        node {
          id
          title
          date
          mode
          status
          participants {
            actor {
              id
              name
              kind
            }
          }
        }
      }
    }
  }
`);

export const ActorQuery = graphql(`
  query Actor($id: ID!, $reports: Int) {
    actor(id: $id) {
      id
      name
      kind
      aliases
      description
      roles {
        title
        of {
          id
          name
        }
      }
      counterparts(first: 50) {
        meetingCount
        firstMetOn
        lastMetOn
        actor {
          id
          name
          kind
        }
      }
      meetings(first: 100) {
        totalCount
        edges {
          node {
            ...MeetingFields
          }
        }
      }
      statements(first: 50) {
        totalCount
        edges {
          node {
            ...StatementFields
          }
        }
      }
    }
  }
`);

export const TimelineQuery = graphql(`
  query Timeline($actor: String!) {
    timeline(actor: $actor, first: 100) {
      totalCount
      edges {
        node {
          __typename
          ... on Meeting {
            id
            title
            date
            mode
            status
          }
          ... on Statement {
            id
            text
            date
            medium
          }
          ... on Article {
            id
            title
            publisher
            publishedOn
          }
        }
      }
    }
  }
`);

export const SearchQuery = graphql(`
  query Search($query: String!) {
    actors: search(query: $query, types: [ACTOR], first: 6) {
      node {
        __typename
        id
        ... on Actor {
          name
          kind
          roles {
            title
            of {
              name
            }
          }
        }
      }
    }
    statements: search(query: $query, types: [STATEMENT], first: 4) {
      node {
        __typename
        id
        ... on Statement {
          text
          date
          speaker {
            name
          }
        }
      }
    }
    articles: search(query: $query, types: [ARTICLE], first: 4) {
      node {
        __typename
        id
        ... on Article {
          title
          publisher
          publishedOn
        }
      }
    }
  }
`);

export const MeetingQuery = graphql(`
  query Meeting($id: ID!, $reports: Int) {
    meeting(id: $id) {
      ...MeetingFields
      topics {
        name
      }
    }
  }
`);

export const MeetingsBetweenQuery = graphql(`
  query MeetingsBetween($a: String!, $b: String!, $reports: Int) {
    meetings(filter: { participants: [$a, $b] }, first: 50) {
      totalCount
      edges {
        node {
          ...MeetingFields
        }
      }
    }
  }
`);

export const StatementQuery = graphql(`
  query Statement($id: ID!, $reports: Int) {
    node(id: $id) {
      __typename
      ... on Statement {
        ...StatementFields
        mentions {
          id
          name
          kind
        }
      }
    }
  }
`);

export const ArticleQuery = graphql(`
  query Article($id: ID!) {
    article(id: $id) {
      id
      title
      url
      publisher
      publishedOn
      publishedInferred
      section
      body
      mentions {
        id
        name
        kind
      }
      meetings {
        id
        title
        date
        mode
        status
      }
      statements {
        id
        text
        speaker {
          id
          name
        }
      }
    }
  }
`);
